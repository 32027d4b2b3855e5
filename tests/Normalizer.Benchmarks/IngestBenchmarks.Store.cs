using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Normalizer.Events;
using Normalizer.Ingest;
using Normalizer.Storage;

namespace Normalizer.Benchmarks;

/// <summary>
/// The pipeline (validation → ID tagging → dedup → a null sink) and the durable inbox over a temp SQLite file
/// (the host's provider: WAL, <c>synchronous=FULL</c>).
/// </summary>
public partial class IngestBenchmarks
{
    /// <summary>More distinct events than <see cref="InMemoryDedupStore.DefaultCapacity"/>: every claim is new and evicts the oldest.</summary>
    private const int EventPool = 1 << 17;

    /// <summary>Events per scope, as <see cref="InboxProcessor"/> processes them (one scope per batch).</summary>
    private const int ScopeBatch = InboxProcessor.BatchSize;

    private const int Concurrent = 64;

    private ServiceProvider _services = null!;
    private NormalizedEvent[] _events = null!;
    private int _next;
    private IServiceScope? _scope;
    private EventPipeline _pipeline = null!;
    private IInbox _inbox = null!;
    private InboxProcessor _processor = null!;
    private InboxItem _item = null!;
    private Task<long>[] _appends = null!;
    private string _database = null!;
    private long _drainSerial;

    [GlobalSetup(Targets = [nameof(PipelineNew), nameof(PipelineDuplicate)])]
    public void SetupPipeline()
    {
        Setup();
        _services = new ServiceCollection().AddNormalizer().AddMessenger().AddInstagram().AddWhatsApp().Services.BuildServiceProvider();
        var template = _normalizer.Normalize(Bodies.MessengerSingle, Context).Events[0];
        _events = new NormalizedEvent[EventPool];
        for (var i = 0; i < EventPool; i++)
        {
            _events[i] = template with { Id = "evt_" + i.ToString("x32", CultureInfo.InvariantCulture) };
        }

        NewScope();
    }

    /// <summary>
    /// A new event each call (distinct ids from a pool larger than the in-memory dedup window, so each claim is
    /// new and evicts the oldest id): validation + tagging + claim + null sink, one DI scope per 256 events.
    /// </summary>
    [Benchmark(Description = "Pipeline: new event (validate, tag, dedup claim, null sink)")]
    public Task<ProcessEventResult> PipelineNew()
    {
        if (++_next % ScopeBatch == 0)
        {
            NewScope();
        }

        return _pipeline.ProcessAsync(_events[_next & (EventPool - 1)]);
    }

    /// <summary>The same event again and again: validation + tagging + a claim that is refused.</summary>
    [Benchmark(Description = "Pipeline: redelivered event (stops at dedup)")]
    public Task<ProcessEventResult> PipelineDuplicate() => _pipeline.ProcessAsync(_events[0]);

    [GlobalSetup(Targets = [nameof(InboxAppendOne), nameof(InboxAppendConcurrent), nameof(InboxDrain)])]
    public void SetupInbox()
    {
        Setup();
        _database = TempStore.NewPath("bench");
        _services = TempStore.Services(_database).Services.BuildServiceProvider();
        _services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None).GetAwaiter().GetResult();
        _inbox = _services.GetRequiredService<IInbox>();
        _processor = _services.GetRequiredService<InboxProcessor>();
        _item = new InboxItem(Context.ReceivedAt, null, true, "{\"x-hub-signature-256\":\"" + _signature + "\"}", Bodies.MessengerSingle);
        _appends = new Task<long>[Concurrent];
    }

    /// <summary>One webhook alone: its own transaction and commit (the fsync of the WAL) before it returns.</summary>
    [Benchmark(Description = "Inbox append: 1 webhook alone (1 commit each)")]
    public Task<long> InboxAppendOne() => _inbox.AppendAsync(_item, CancellationToken.None);

    /// <summary>64 webhooks at once, as 64 connections would: the writer groups them into few commits. Per webhook.</summary>
    [Benchmark(OperationsPerInvoke = Concurrent, Description = "Inbox append: 64 concurrent (group commit), per webhook")]
    public async Task InboxAppendConcurrent()
    {
        for (var i = 0; i < _appends.Length; i++)
        {
            _appends[i] = _inbox.AppendAsync(_item, CancellationToken.None);
        }

        await Task.WhenAll(_appends);
    }

    [IterationSetup(Target = nameof(InboxDrain))]
    public void FillInbox()
    {
        // Drain whatever the previous iteration left, then queue exactly one batch of new messages.
        while (_processor.ProcessNextBatchAsync(CancellationToken.None).GetAwaiter().GetResult() > 0)
        {
        }

        var template = Encoding.UTF8.GetString(Bodies.MessengerSingle);
        var appends = new Task<long>[InboxProcessor.BatchSize];
        for (var i = 0; i < appends.Length; i++)
        {
            var mid = "m_bench" + (++_drainSerial).ToString("D20", CultureInfo.InvariantCulture);
            var body = Encoding.UTF8.GetBytes(template.Replace("m_Qx7sT1nBv9kLrV0aZcYt2wGdEe3hJkL4mNoPqRsTuVwXyZ0123456789abcdef", mid, StringComparison.Ordinal));
            appends[i] = _inbox.AppendAsync(_item with { Body = body }, CancellationToken.None);
        }

        Task.WhenAll(appends).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The inbox processor on one batch (<see cref="InboxProcessor.BatchSize"/> Messenger rows): read, normalize, pipeline,
    /// SQL sink (event, conversation, contact), mark processed, one commit. Per row (= per event).
    /// </summary>
    [Benchmark(OperationsPerInvoke = InboxProcessor.BatchSize, Description = "Inbox drain: a batch of rows → events in SQLite, per event")]
    public Task<int> InboxDrain() => _processor.ProcessNextBatchAsync(CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope?.Dispose();
        _services?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_database is not null)
        {
            TempStore.Delete(_database);
        }
    }

    private void NewScope()
    {
        _scope?.Dispose();
        _scope = _services.CreateScope();
        _pipeline = _scope.ServiceProvider.GetRequiredService<EventPipeline>();
    }
}
