using Microsoft.Extensions.Options;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The rules <see cref="SmartCustomsOptions"/> must meet before the node starts. Each failure is one line naming the
/// setting and what it must be, printed as is to the operator (see <see cref="StartupFailure"/>).
/// </summary>
public sealed class SmartCustomsOptionsValidator : IValidateOptions<SmartCustomsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmartCustomsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failure = Node(options) ?? Risk(options.Risk) ?? Exchange(options.Exchange);
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static string? Node(SmartCustomsOptions options)
    {
        if (options.NodeId is not { Length: 2 } nodeId || !nodeId.All(char.IsAsciiLetterUpper))
        {
            return $"SmartCustoms:NodeId must be two capital letters (the administration's country code, e.g. GB); it is '{options.NodeId}'.";
        }

        var provider = options.Storage.Provider;
        return options switch
        {
            _ when !string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase) && !string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase) =>
                $"SmartCustoms:Storage:Provider is '{provider}'; set it to 'sqlite' (the default) or 'postgres'.",
            { Storage.MaxDatabaseBytes: < 65536 } => "SmartCustoms:Storage:MaxDatabaseBytes must be at least 65536 bytes, or unset.",
            { DataDirectory: var folder } when string.IsNullOrWhiteSpace(folder) => "SmartCustoms:DataDirectory is empty; name a folder the node may write to (default 'data').",
            { Limits.MaxDeclarationBytes: < 1024 } or { Limits.MaxTariffBytes: < 1024 } => "SmartCustoms:Limits values must be at least 1024 bytes.",
            { Limits.MaxEvidenceBytes: < 1024 } or { Limits.MaxModelBytes: < 1024 } or { Limits.MaxBodyBytes: < 1024 } =>
                "SmartCustoms:Limits:MaxEvidenceBytes, MaxModelBytes and MaxBodyBytes must be at least 1024 bytes.",
            { RateLimits: var limits } when RateLimits(limits) is { } rateLimits => rateLimits,
            { Statistics.MinTraders: < 1 } => "SmartCustoms:Statistics:MinTraders must be at least 1.",
            { InvoiceTolerancePercent: < 0 or > 100 } => "SmartCustoms:InvoiceTolerancePercent must be between 0 and 100.",
            { Postal.MaxBatchItems: < 1 } or { Postal.MaxBatchBytes: < 1024 } or { Postal.SplitWindow.Ticks: <= 0 } or { Postal.SplitThreshold: < 0 } or { Postal.IossCeiling: < 0 } =>
                "SmartCustoms:Postal: MaxBatchItems is at least 1, MaxBatchBytes at least 1024, SplitWindow positive, SplitThreshold and IossCeiling not negative.",
            { Health.MinFreeDiskBytes: < 0 } => "SmartCustoms:Health:MinFreeDiskBytes cannot be negative.",
            { Telemetry.OtlpEndpoint: { } otlp } when !IsHttpUrl(otlp) =>
                $"SmartCustoms:Telemetry:OtlpEndpoint must be an absolute http(s) URL, e.g. http://collector:4317; it is '{otlp}'.",
            // The key itself is never repeated: it is a secret even when malformed.
            { Secrets.Key: { } key } when !Secrets.SecretProtector.IsValidKey(key) =>
                "SmartCustoms:Secrets:Key must be 32 bytes in base64 (make one with `openssl rand -base64 32`).",
            { BootstrapAdminKey: { Length: > 0 and < 32 } } => "SmartCustoms:BootstrapAdminKey must be at least 32 characters long.",
            _ => null,
        };
    }

    private static string? RateLimits(RateLimitsSection limits)
    {
        foreach (var (name, limit) in new[] { ("Inbox", limits.Inbox), ("Lodging", limits.Lodging), ("SignIn", limits.SignIn), ("NodeCard", limits.NodeCard), ("Statistics", limits.Statistics) })
        {
            if (limit.PermitLimit < 0 || (limit.PermitLimit > 0 && limit.Window <= TimeSpan.Zero))
            {
                return $"SmartCustoms:RateLimits:{name}: PermitLimit is 0 (no limit) or more, and Window is positive.";
            }
        }

        return null;
    }

    private static string? Risk(SmartCustomsOptions.RiskSection risk) =>
        risk.ModelWeight is < 0m or > 10_000m || risk.MinTrainingExamples < 10 || risk.MaxTrainingExamples < risk.MinTrainingExamples
            ? "SmartCustoms:Risk: ModelWeight is between 0 and 10000; MinTrainingExamples is at least 10 and MaxTrainingExamples at least MinTrainingExamples."
            : risk.RefreshSeconds < 1 || risk.NewTraderBelow < 0 || risk.MinPriceObservations < 1 || risk.PriceSample < 0
                ? "SmartCustoms:Risk: RefreshSeconds and MinPriceObservations must be at least 1; NewTraderBelow and PriceSample cannot be negative."
                : null;

    private static string? Exchange(SmartCustomsOptions.ExchangeSection exchange)
    {
        if (exchange.BaseUrl is not null && !IsHttpUrl(exchange.BaseUrl))
        {
            return $"SmartCustoms:Exchange:BaseUrl must be an absolute http(s) URL; it is '{exchange.BaseUrl}'.";
        }

        if (exchange.MaxMessageBytes < 1024 || exchange.MaxMessageAge <= TimeSpan.Zero || exchange.MaxClockAhead < TimeSpan.Zero || exchange.KeyGracePeriod < TimeSpan.Zero)
        {
            return "SmartCustoms:Exchange: MaxMessageBytes is at least 1024, MaxMessageAge positive, MaxClockAhead and KeyGracePeriod not negative.";
        }

        if (exchange.ClaimLease < TimeSpan.FromSeconds(1))
        {
            return $"SmartCustoms:Exchange:ClaimLease must be at least one second; it is '{exchange.ClaimLease}'.";
        }

        return exchange.RetryInitial <= TimeSpan.Zero || exchange.RetryMax < exchange.RetryInitial || exchange.PollInterval <= TimeSpan.Zero || exchange.RequestTimeout <= TimeSpan.Zero
            ? "SmartCustoms:Exchange: RetryInitial, PollInterval and RequestTimeout are positive and RetryMax at least RetryInitial."
            : null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
