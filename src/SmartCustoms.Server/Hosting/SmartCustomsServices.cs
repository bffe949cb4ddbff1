using Microsoft.AspNetCore.Authentication;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Aeo;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Health;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Portal;
using SmartCustoms.Server.Postal;
using SmartCustoms.Server.Risk;
using SmartCustoms.Server.Secrets;
using SmartCustoms.Server.Snapshots;
using SmartCustoms.Server.Tariffs;
using SmartCustoms.Storage;
using SmartCustoms.Storage.Access;

namespace SmartCustoms.Server.Hosting;

public static class SmartCustomsServices
{
    /// <summary>Everything the node needs: options, storage of the configured provider, access control and the use cases.</summary>
    public static WebApplicationBuilder AddSmartCustoms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(SmartCustomsOptions.Section);
        // Read now as well as through IOptions: storage and Kestrel's limits are set up from it before the host is built.
        var options = section.Get<SmartCustomsOptions>() ?? new SmartCustomsOptions();
        var validator = new SmartCustomsOptionsValidator();
        if (validator.Validate(null, options) is { Failed: true } invalid)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(SmartCustomsOptions.Section, typeof(SmartCustomsOptions), invalid.Failures);
        }

        // Before any service is built: the secrets' key file and the database live in it.
        DataFolder.EnsureWritable(options.DataDirectory);
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SmartCustomsOptions>>(validator);
        builder.Services.AddOptions<SmartCustomsOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSmartCustomsStorage(StorageOptionsFrom(options, builder.Configuration.GetConnectionString("SmartCustoms")));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SnapshotStamps>();
        builder.Services.AddSingleton<TariffCache>();
        builder.Services.AddSingleton<ApiKeyIssuer>();
        builder.Services.AddSingleton<RiskRandom>();
        builder.Services.AddSingleton<ActiveModels>();
        builder.Services.AddSingleton<RiskAssessor>();
        builder.Services.AddSingleton<PartnerEvidenceReader>();
        builder.Services.AddSingleton<NodeModelTrainer>();
        builder.Services.AddSingleton<ServerInstance>();
        builder.Services.AddSingleton<SecretProtector>();
        builder.Services.AddSingleton<ScheduledJobs>();
        builder.Services.AddHostedService<ModelRetrainingService>();
        builder.Services.AddSingleton<PricePruningService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PricePruningService>());
        builder.Services.AddSingleton<LodgingService>();
        builder.Services.AddSingleton<TransitionService>();
        builder.Services.AddSingleton<ControlService>();
        builder.Services.AddSingleton<PostalIntakeService>();
        builder.Services.AddSingleton<ApiKeyVerifier>();
        builder.Services.AddSingleton<NodeInitializer>();
        builder.Services.AddExchange(options.Exchange);
        builder.Services.AddAeo();

        // The API authenticates every request by its bearer key; the web portal by the session its sign-in opens.
        builder.Services.AddAuthentication(PortalAuthentication.SelectorScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPortalSessions();
        builder.Services.AddSmartCustomsPortal(options);

        // Nothing is reachable without a key unless an endpoint says so (health, API description).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        builder.Services.AddProblemDetails();
        // Storage-full first (507), then everything else: bad input worded as its problem the same way in every
        // environment (binding failures are thrown to the handler, Development included); nothing answers with a trace.
        builder.Services.AddExceptionHandler<StorageFullExceptionHandler>();
        builder.Services.AddExceptionHandler<RequestExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            var canonical = Domain.Declarations.DeclarationJson.Options;
            json.SerializerOptions.MaxDepth = canonical.MaxDepth;
            json.SerializerOptions.DefaultIgnoreCondition = canonical.DefaultIgnoreCondition;
            foreach (var converter in canonical.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddSmartCustomsApiDescription();
        builder.Services.AddNodeHealth();
        builder.AddNodeTelemetry(options);
        builder.Services.AddHostedService<StartupLogGate>();
        builder.Logging.AddFilter(StartupLogGate.Allows);
        // A crashed background loop fails readiness (and is logged) instead of taking lodging down with it.
        builder.Services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        // Every body is held to the default; the endpoints that take more say so (BodyLimits.WithBodyLimit).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.Limits.MaxBodyBytes);
        builder.Services.AddSmartCustomsRateLimits();
        return builder;
    }

    private static StorageOptions StorageOptionsFrom(SmartCustomsOptions options, string? connectionString)
    {
        var postgres = string.Equals(options.Storage.Provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase);
        if (postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new NodeStartupException(
                "ConnectionStrings:SmartCustoms is empty; storage provider 'postgres' needs it, e.g. 'Host=db;Database=smartcustoms;Username=smartcustoms;Password=...' or 'postgres://user:password@db/smartcustoms'.");
        }

        try
        {
            return new StorageOptions
            {
                Provider = options.Storage.Provider,
                ConnectionString = postgres ? Storage.Postgres.PostgresConnectionString.Normalize(connectionString!) : connectionString,
                DataDirectory = Path.GetFullPath(options.DataDirectory),
                MaxDatabaseBytes = options.Storage.MaxDatabaseBytes,
            };
        }
        catch (ArgumentException ex)
        {
            throw new NodeStartupException($"ConnectionStrings:SmartCustoms: {ex.Message}", ex);
        }
    }
}
