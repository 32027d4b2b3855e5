using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Ingest;

namespace Normalizer.Host.Tests.Inbox;

/// <summary>
/// <see cref="InboxProcessor.Drained"/>: the inbox worker waits for the writer's signal after a batch that took every
/// pending row, instead of reading the inbox again to find it empty; a full batch leaves rows behind it.
/// </summary>
public sealed class InboxDrainedTests
{
    [Fact]
    public async Task ProcessNextBatch_FewerRowsThanABatch_IsDrained_AFullBatchIsNot_UntilTheLastRowsAreTaken()
    {
        await using var app = new NormalizerApplication(processInbox: false);
        using var client = app.CreateClient();
        var processor = app.Services.GetRequiredService<InboxProcessor>();
        await PostAsync(client, 0, 3);

        var few = await processor.ProcessNextBatchAsync(CancellationToken.None);
        var fewDrained = processor.Drained;
        await PostAsync(client, 3, 3 + InboxProcessor.BatchSize + 1);
        var full = await processor.ProcessNextBatchAsync(CancellationToken.None);
        var fullDrained = processor.Drained;
        var rest = await processor.ProcessNextBatchAsync(CancellationToken.None);
        var restDrained = processor.Drained;

        Assert.Equal((3, true), (few, fewDrained));
        Assert.Equal((InboxProcessor.BatchSize, false), (full, fullDrained));
        Assert.Equal((1, true), (rest, restDrained));
        Assert.Equal(0, await processor.ProcessNextBatchAsync(CancellationToken.None));
        Assert.True(processor.Drained);
    }

    private static async Task PostAsync(HttpClient client, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var body = Encoding.UTF8.GetBytes($$$"""{"object":"page","entry":[{"id":"104523987765432","time":1763712000123,"messaging":[{"sender":{"id":"7723419865501234"},"recipient":{"id":"104523987765432"},"timestamp":1763712000101,"message":{"mid":"m_{{{i}}}","text":"hello"}}]}]}""");
            (await NormalizerApplication.PostWebhookAsync(client, body)).EnsureSuccessStatusCode();
        }
    }
}
