using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Exchange;

/// <summary>
/// The payload of a <c>risk-alert</c> message: an analyst's warning to a partner administration, with the goods,
/// origins and parties it targets. The receiver turns it into a proposed criterion that its own analysts adopt or not.
/// </summary>
public sealed record RiskAlertPayload
{
    public string? Title { get; init; }

    /// <summary>Free text for the partner's analysts (at most <see cref="RiskAlerts.MaxTextLength"/> characters).</summary>
    public string? Text { get; init; }
    public RiskAlertTargeting? Targeting { get; init; }
}

/// <summary>What an alert targets; at least one list is not empty. Lists are combined with AND, entries of one list with OR.</summary>
public sealed record RiskAlertTargeting
{
    /// <summary>HS code prefixes of 2 to 10 digits, e.g. <c>8510</c>.</summary>
    public IReadOnlyList<string>? HsCodes { get; init; }

    /// <summary>Countries of origin of the goods (ISO 3166 alpha-2).</summary>
    public IReadOnlyList<string>? Origins { get; init; }

    /// <summary>Party ids (e.g. EORI): matched against the declarant, importer, exporter and consignor.</summary>
    public IReadOnlyList<string>? Parties { get; init; }

    /// <summary>Countries of export (ISO 3166 alpha-2).</summary>
    public IReadOnlyList<string>? ExportCountries { get; init; }

    /// <summary>How many days from the alert the proposed criterion applies; absent for no end date.</summary>
    public int? ValidDays { get; init; }
}

/// <summary>Normalising and checking risk alerts (the same rules at the sender and the receiver), and the criterion one proposes.</summary>
public static class RiskAlerts
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxEntries = 50;
    public const int MaxPartyIdLength = 35;
    public const int MaxValidDays = 3650;

    /// <summary>The declaration's parties an alert's party ids are matched against.</summary>
    public static IReadOnlyList<string> PartyFields { get; } = ["declarant.id", "importer.id", "exporter.id", "consignor.id"];

    /// <summary>The weight a proposed criterion starts with; the adopting analyst may change it.</summary>
    public const decimal DefaultWeight = 60m;

    /// <summary>Trimmed text and entries, upper-case countries (entries keep their places, so that errors point at what was sent).</summary>
    public static RiskAlertPayload Normalise(RiskAlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var targeting = payload.Targeting;
        return payload with
        {
            Title = payload.Title?.Trim(),
            Text = payload.Text?.Trim(),
            Targeting = targeting is null ? null : targeting with
            {
                HsCodes = Clean(targeting.HsCodes, upper: false),
                Origins = Clean(targeting.Origins, upper: true),
                Parties = Clean(targeting.Parties, upper: false),
                ExportCountries = Clean(targeting.ExportCountries, upper: true),
            },
        };
    }

    /// <summary>Every fault of a (normalised) alert, with a JSON Pointer from the payload's root; empty when it can be sent.</summary>
    public static IReadOnlyList<Issue> Check(RiskAlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var issues = new List<Issue>();
        Text(payload.Title, MaxTitleLength, "/title", "title", issues);
        Text(payload.Text, MaxTextLength, "/text", "text", issues);
        if (payload.Targeting is not { } targeting)
        {
            issues.Add(new("required", "targeting is required: the HS codes, origins, parties or export countries the alert is about.", "/targeting"));
            return issues;
        }

        Entries(targeting.HsCodes, "/targeting/hsCodes", issues, IsHsPrefix, "hsCode.invalid", "an HS code prefix of 2 to 10 digits");
        Entries(targeting.Origins, "/targeting/origins", issues, ReferenceCatalog.Default.IsCountry, "country.unknown", "a known ISO 3166 alpha-2 country code");
        Entries(targeting.Parties, "/targeting/parties", issues, IsPartyId, "party.invalid",
            string.Create(CultureInfo.InvariantCulture, $"a party id of 1 to {MaxPartyIdLength} letters, digits or punctuation, without spaces"));
        Entries(targeting.ExportCountries, "/targeting/exportCountries", issues, ReferenceCatalog.Default.IsCountry, "country.unknown",
            "a known ISO 3166 alpha-2 country code");
        if (Count(targeting.HsCodes) + Count(targeting.Origins) + Count(targeting.Parties) + Count(targeting.ExportCountries) == 0)
        {
            issues.Add(new("targeting.empty", "Give at least one HS code prefix, origin, party or export country: an alert about everything cannot be a criterion.",
                "/targeting"));
        }

        if (targeting.ValidDays is { } days && days is < 1 or > MaxValidDays)
        {
            issues.Add(new("validDays.out-of-range", string.Create(CultureInfo.InvariantCulture, $"validDays must be between 1 and {MaxValidDays}."),
                "/targeting/validDays"));
        }

        return issues;
    }

    /// <summary>The id of the criterion an alert proposes: <c>alert-</c>, the sender, and a digest of the message id (stable across replays).</summary>
    public static string CriterionId(string sender, string messageId)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(messageId);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(sender + "\n" + messageId));
        var country = new string([.. sender.ToLowerInvariant().Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))]);
        return "alert-" + (country.Length == 0 ? "partner" : country) + "-" + Convert.ToHexStringLower(digest.AsSpan(0, 5));
    }

    /// <summary>
    /// The criterion a checked alert proposes: all of (any of the HS prefixes), (origin in the origins), (export country
    /// in the export countries), (any of the declarant, importer, exporter or consignor in the parties), with the default
    /// weight, valid until <paramref name="createdAt"/> plus the alert's validDays.
    /// </summary>
    public static CriterionDocument ProposedCriterion(string sender, string messageId, DateTimeOffset createdAt, RiskAlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(payload);
        var targeting = payload.Targeting ?? new RiskAlertTargeting();
        var parts = new List<Condition>();
        if (targeting.HsCodes is { Count: > 0 } hsCodes)
        {
            parts.Add(Leaf("hsCode", "startsWith", hsCodes));
        }

        if (targeting.Origins is { Count: > 0 } origins)
        {
            parts.Add(Leaf("origin", "in", origins));
        }

        if (targeting.ExportCountries is { Count: > 0 } exportCountries)
        {
            parts.Add(Leaf("exportCountry", "in", exportCountries));
        }

        if (targeting.Parties is { Count: > 0 } parties)
        {
            parts.Add(new Condition { Any = [.. PartyFields.Select(f => Leaf(f, "in", parties))] });
        }

        var title = payload.Title ?? "";
        var name = $"Alert from {sender}: {title}";
        return new CriterionDocument
        {
            Id = CriterionId(sender, messageId),
            Name = name.Length > MaxTitleLength + 20 ? name[..(MaxTitleLength + 20)] : name,
            Description = payload.Text,
            Weight = DefaultWeight,
            ValidTo = targeting.ValidDays is { } days ? DateOnly.FromDateTime(createdAt.UtcDateTime.AddDays(days)) : null,
            When = parts.Count == 1 ? parts[0] : new Condition { All = parts },
        };
    }

    private static Condition Leaf(string field, string op, IReadOnlyList<string> values) =>
        new() { Field = field, Op = op, Values = [.. values.Distinct(StringComparer.Ordinal).Select(v => JsonSerializer.SerializeToElement(v))] };

    private static bool IsHsPrefix(string value) => value.Length is >= 2 and <= 10 && value.All(char.IsAsciiDigit);

    private static bool IsPartyId(string value) => value.Length is >= 1 and <= MaxPartyIdLength && value.All(c => c is > ' ' and < '\u007f');

    private static int Count(IReadOnlyList<string>? list) => list?.Count ?? 0;

    private static List<string>? Clean(IReadOnlyList<string>? values, bool upper) =>
        values is null ? null : [.. values.Select(v => v is null ? null! : upper ? v.Trim().ToUpperInvariant() : v.Trim())];

    private static void Text(string? value, int max, string pointer, string name, List<Issue> issues)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Add(new("required", $"{name} is required.", pointer));
        }
        else if (value.Length > max)
        {
            issues.Add(new("text.too-long", string.Create(CultureInfo.InvariantCulture, $"{name} has {value.Length} characters; at most {max} are allowed."), pointer));
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            issues.Add(new("text.invalid", $"{name} contains control characters.", pointer));
        }
    }

    private static void Entries(IReadOnlyList<string>? values, string pointer, List<Issue> issues, Func<string, bool> valid, string code, string what)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxEntries)
        {
            issues.Add(new("targeting.too-many", string.Create(CultureInfo.InvariantCulture, $"At most {MaxEntries} entries are allowed; {values.Count} were given."), pointer));
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || !valid(value))
            {
                issues.Add(new(code, $"'{values[i]}' is not {what}.", pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
