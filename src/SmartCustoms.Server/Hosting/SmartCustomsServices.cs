using Microsoft.AspNetCore.Authentication;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Aeo;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Portal;
using SmartCustoms.Server.Risk;
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
        var options = section.Get<SmartCustomsOptions>() ?? new SmartCustomsOptions();
        Validate(options);
        builder.Services.Configure<SmartCustomsOptions>(section);

        builder.Services.AddSmartCustomsStorage(new StorageOptions
        {
            Provider = options.Storage.Provider,
            ConnectionString = builder.Configuration.GetConnectionString("SmartCustoms"),
            DataDirectory = Path.GetFullPath(options.DataDirectory),
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<TariffCache>();
        builder.Services.AddSingleton<ApiKeyIssuer>();
        builder.Services.AddSingleton<RiskRandom>();
        builder.Services.AddSingleton<ActiveModels>();
        builder.Services.AddSingleton<RiskAssessor>();
        builder.Services.AddSingleton<PartnerEvidenceReader>();
        builder.Services.AddSingleton<NodeModelTrainer>();
        builder.Services.AddHostedService<ModelRetrainingService>();
        builder.Services.AddSingleton<PricePruningService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PricePruningService>());
        builder.Services.AddSingleton<LodgingService>();
        builder.Services.AddSingleton<TransitionService>();
        builder.Services.AddSingleton<ControlService>();
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
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Every body is held to the default; the endpoints that take more say so (BodyLimits.WithBodyLimit).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.Limits.MaxBodyBytes);
        builder.Services.AddSmartCustomsRateLimits();
        return builder;
    }

    private static void Validate(SmartCustomsOptions options)
    {
        if (options.NodeId is not { Length: 2 } || !options.NodeId.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidOperationException($"SmartCustoms:NodeId must be two capital letters (the administration's country code); it is '{options.NodeId}'.");
        }

        if (options.Limits.MaxDeclarationBytes < 1024 || options.Limits.MaxTariffBytes < 1024)
        {
            throw new InvalidOperationException("SmartCustoms:Limits values must be at least 1024 bytes.");
        }

        if (options.Limits.MaxEvidenceBytes < 1024 || options.Limits.MaxModelBytes < 1024 || options.Limits.MaxBodyBytes < 1024)
        {
            throw new InvalidOperationException("SmartCustoms:Limits:MaxEvidenceBytes, MaxModelBytes and MaxBodyBytes must be at least 1024 bytes.");
        }

        ValidateRateLimits(options.RateLimits);

        if (options.Risk.ModelWeight is < 0m or > 10_000m || options.Risk.MinTrainingExamples < 10 || options.Risk.MaxTrainingExamples < options.Risk.MinTrainingExamples)
        {
            throw new InvalidOperationException(
                "SmartCustoms:Risk: ModelWeight is between 0 and 10000; MinTrainingExamples is at least 10 and MaxTrainingExamples at least MinTrainingExamples.");
        }

        if (options.Risk.RefreshSeconds < 1 || options.Risk.NewTraderBelow < 0 || options.Risk.MinPriceObservations < 1 || options.Risk.PriceSample < 0)
        {
            throw new InvalidOperationException("SmartCustoms:Risk: RefreshSeconds and MinPriceObservations must be at least 1; NewTraderBelow and PriceSample cannot be negative.");
        }

        ValidateExchange(options.Exchange);
        if (options.Statistics.MinTraders < 1)
        {
            throw new InvalidOperationException("SmartCustoms:Statistics:MinTraders must be at least 1.");
        }

        if (options.InvoiceTolerancePercent is < 0 or > 100)
        {
            throw new InvalidOperationException("SmartCustoms:InvoiceTolerancePercent must be between 0 and 100.");
        }
    }

    private static void ValidateRateLimits(RateLimitsSection limits)
    {
        foreach (var (name, limit) in new[] { ("Inbox", limits.Inbox), ("Lodging", limits.Lodging), ("SignIn", limits.SignIn), ("NodeCard", limits.NodeCard), ("Statistics", limits.Statistics) })
        {
            if (limit.PermitLimit < 0 || (limit.PermitLimit > 0 && limit.Window <= TimeSpan.Zero))
            {
                throw new InvalidOperationException($"SmartCustoms:RateLimits:{name}: PermitLimit is 0 (no limit) or more, and Window is positive.");
            }
        }
    }

    private static void ValidateExchange(SmartCustomsOptions.ExchangeSection exchange)
    {
        if (exchange.BaseUrl is not null && (!Uri.TryCreate(exchange.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"SmartCustoms:Exchange:BaseUrl must be an absolute http(s) URL; it is '{exchange.BaseUrl}'.");
        }

        if (exchange.MaxMessageBytes < 1024 || exchange.MaxMessageAge <= TimeSpan.Zero || exchange.MaxClockAhead < TimeSpan.Zero || exchange.KeyGracePeriod < TimeSpan.Zero)
        {
            throw new InvalidOperationException("SmartCustoms:Exchange: MaxMessageBytes is at least 1024, MaxMessageAge positive, MaxClockAhead and KeyGracePeriod not negative.");
        }

        if (exchange.RetryInitial <= TimeSpan.Zero || exchange.RetryMax < exchange.RetryInitial || exchange.PollInterval <= TimeSpan.Zero || exchange.RequestTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("SmartCustoms:Exchange: RetryInitial, PollInterval and RequestTimeout are positive and RetryMax at least RetryInitial.");
        }
    }
}
