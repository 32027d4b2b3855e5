using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Normalizer.Graph;

/// <summary>
/// Binds <typeparamref name="TOptions"/> to section <c>Normalizer:Graph</c> of the <see cref="IConfiguration"/> in DI and
/// reloads with it (<see cref="IOptionsMonitor{T}"/>); without one (the CLI, unit tests) the defaults stand.
/// </summary>
internal sealed class GraphSectionSetup<TOptions>(IServiceProvider services) : IConfigureOptions<TOptions>, IOptionsChangeTokenSource<TOptions>
    where TOptions : class
{
    private IConfiguration? Configuration => services.GetService(typeof(IConfiguration)) as IConfiguration;

    public string Name => Options.DefaultName;

    public void Configure(TOptions options) => Configuration?.GetSection(GraphOptions.Section).Bind(options);

    public IChangeToken GetChangeToken() =>
        Configuration?.GetSection(GraphOptions.Section).GetReloadToken() ?? new CancellationChangeToken(CancellationToken.None);
}
