using Microsoft.Extensions.Options;
using Normalizer.Delivery;
using Normalizer.Host;
using Normalizer.Host.Auth;
using Normalizer.Host.Cli;
using Normalizer.Host.WebConsole;
using Normalizer.Host.Credentials;
using Normalizer.Host.Docs;
using Normalizer.Host.Endpoints;
using Normalizer.Host.Metrics;
using Normalizer.Host.Options;
using Normalizer.Host.Storage.Providers;
using Normalizer.Host.Workers;
using Normalizer.Json;
using Normalizer.Sending;
using Normalizer.Storage;

if (CliApp.IsCommand(args))
{
    return CliApp.Run(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
LoggingDefaults.AddTo(builder.Configuration);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

// Request-start logs carry the full URL, and the handshake's URL carries the verify token.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>();
builder.Services.AddOptions<NormalizerOptions>().BindConfiguration(NormalizerOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<NormalizerOptions>, NormalizerOptionsValidator>();
builder.Services.AddApiKeyRateLimiting();
builder.Services.AddSingleton<AppSecrets>();
builder.Services.AddNormalizer()
    .AddMessenger()
    .AddInstagram()
    .AddWhatsApp()
    .AddConfiguredStore()
    .AddDelivery()
    .AddSending();
builder.Services.AddHostedService<InboxWorker>();
builder.Services.AddHostedService<DeliveryWorker>();
builder.Services.AddHostedService<IdentityWorker>();
builder.Services.AddHostedService<RetentionWorker>();
builder.Services.AddHostedService<SqliteCheckpointer>();
builder.Services.AddCredentialsAndTemplates();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    // The API speaks snake_case everywhere, including bodies bound to endpoint parameters.
    o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, NormalizerJsonContext.Default);
    o.SerializerOptions.TypeInfoResolverChain.Insert(1, HostJsonContext.Default);
});
builder.Services.AddProblemDetails();
builder.Services.AddDocs();
builder.Services.AddNormalizerMetrics();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();

// Every option is checked before the store is touched; a bad value stops here, naming its key.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(CancellationToken.None);
await app.Services.GetRequiredService<SubscriptionRegistry>().LoadAsync(CancellationToken.None);

app.MapOpenApi();
app.MapDocs();
app.MapNormalizerMetrics();
app.MapHealth();
app.MapWebhooks();
app.MapConsole();
var v1 = app.MapGroup("/v1").RequireRateLimiting(ApiKeyRateLimiting.Policy).AddEndpointFilter<ApiKeyFilter>();
v1.MapEvents();
v1.MapSubscriptions();
v1.MapDeliveries();
v1.MapPages();
v1.MapTemplates();
v1.MapMessages();
v1.MapContacts();
v1.MapPersons();
v1.MapIdentities();

app.Lifetime.ApplicationStarted.Register(() => Startup.LogReady(app));
await app.RunAsync();
return 0;
