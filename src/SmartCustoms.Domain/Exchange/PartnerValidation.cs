using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Exchange;

/// <summary>Reads and checks a partner's card and agreement, every fault with a JSON Pointer into what was sent.</summary>
public static class PartnerValidation
{
    /// <summary>
    /// Reads a JSON document; a syntax or shape error is refused as invalid with <paramref name="title"/> and one issue,
    /// and each null in a list with an issue of its own, pointing under <paramref name="pointerPrefix"/>.
    /// </summary>
    public static Outcome<T> Read<T>(ReadOnlySpan<byte> json, string pointerPrefix, string title)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, ExchangeJson.Options);
            if (value is null)
            {
                return Refusal.Invalid(title, [new Issue("json.null", "A JSON object is required.", pointerPrefix)]);
            }

            // The serializer takes [null] in a list (card.keys, agreement.weSend); every check after this reads each entry.
            var nulls = NullElements.Find(value, ExchangeJson.Options.PropertyNamingPolicy);
            return nulls.Count > 0
                ? Refusal.Invalid(title, [.. nulls.Select(n => n with { Pointer = pointerPrefix + n.Pointer })])
                : value;
        }
        catch (JsonException ex)
        {
            var issue = JsonErrors.Issue("json.invalid", ex);
            return Refusal.Invalid(title, [issue with { Pointer = pointerPrefix + issue.Pointer }]);
        }
    }

    /// <summary>Every fault of a registration; empty when the partner can be registered. <paramref name="ownNodeId"/>, when known, cannot be a partner.</summary>
    public static IReadOnlyList<Issue> Check(PartnerRegistration registration, string? ownNodeId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var issues = new List<Issue>();
        if (registration.Card is null)
        {
            issues.Add(new Issue("card.required", "The partner's node card is required.", "/card"));
        }
        else
        {
            CheckCard(registration.Card, ownNodeId, now, "/card", issues);
        }

        if (registration.Agreement is null)
        {
            issues.Add(new Issue("agreement.required", "The agreement is required.", "/agreement"));
        }
        else
        {
            CheckAgreement(registration.Agreement, "/agreement", issues);
        }

        return issues;
    }

    /// <summary>
    /// A key id names one partner's key: the inbox finds the sender by it. A card reusing a kid another partner
    /// registered is refused (registering the same partner again is not a reuse).
    /// </summary>
    public static IReadOnlyList<Issue> CheckKeysNotTaken(NodeCard card, IEnumerable<NodeCard> registered)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(registered);
        var taken = registered.Where(other => !string.Equals(other.NodeId, card.NodeId, StringComparison.Ordinal))
            .SelectMany(other => other.Keys.Select(k => (k.Kid, other.NodeId)))
            .ToLookup(k => k.Kid, k => k.NodeId, StringComparer.Ordinal);
        var issues = new List<Issue>();
        for (var i = 0; i < card.Keys.Count; i++)
        {
            if (card.Keys[i].Kid is { } kid && taken[kid].FirstOrDefault() is { } owner)
            {
                issues.Add(new Issue("card.key-taken", $"kid '{kid}' is a key of partner {owner}.", $"/card/keys/{i}/kid"));
            }
        }

        return issues;
    }

    private static void CheckCard(NodeCard card, string? ownNodeId, DateTimeOffset now, string at, List<Issue> issues)
    {
        if (card.NodeId is not { Length: 2 } || !card.NodeId.All(char.IsAsciiLetterUpper))
        {
            issues.Add(new Issue("card.node-id", "The node id is two capital letters (the administration's country code).", at + "/nodeId"));
        }
        else if (string.Equals(card.NodeId, ownNodeId, StringComparison.Ordinal))
        {
            issues.Add(new Issue("card.node-id", $"{ownNodeId} is this node itself, not a partner.", at + "/nodeId"));
        }

        if (card.Country is not { Length: 2 } || !card.Country.All(char.IsAsciiLetterUpper))
        {
            issues.Add(new Issue("card.country", "The country is an ISO 3166 alpha-2 code.", at + "/country"));
        }

        if (!Uri.TryCreate(card.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            issues.Add(new Issue("card.base-url", "The base URL is an absolute http(s) URL without query or fragment, e.g. https://customs.example.org.", at + "/baseUrl"));
        }

        if (card.Keys.Count == 0)
        {
            issues.Add(new Issue("card.keys", "The card lists at least one public key.", at + "/keys"));
        }

        var kids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < card.Keys.Count; i++)
        {
            var key = card.Keys[i];
            var pointer = $"{at}/keys/{i}";
            if (string.IsNullOrWhiteSpace(key.Kid) || key.Kid.Length > 128)
            {
                issues.Add(new Issue("card.key-id", "Each key has a kid of at most 128 characters.", pointer + "/kid"));
            }
            else if (!kids.Add(key.Kid))
            {
                issues.Add(new Issue("card.key-id", $"kid '{key.Kid}' is listed twice.", pointer + "/kid"));
            }

            if (key.Alg is not null && key.Alg != Jws.Algorithm)
            {
                issues.Add(new Issue("card.key-alg", "Keys sign with ES256.", pointer + "/alg"));
            }

            using var verifier = key.ToVerifier();
            if (verifier is null)
            {
                issues.Add(new Issue("card.key", "The key is not an EC P-256 public key (kty EC, crv P-256, x and y of 32 bytes, base64url).", pointer));
            }

            if (key.NotAfter is { } end && (end <= now || (key.NotBefore is { } start && end <= start)))
            {
                issues.Add(new Issue("card.key-expired", "The key's notAfter is past (or before its notBefore).", pointer + "/notAfter"));
            }
        }
    }

    private static void CheckAgreement(Agreement agreement, string at, List<Issue> issues)
    {
        CheckTypes(agreement.WeSend, at + "/weSend", issues);
        CheckTypes(agreement.TheySend, at + "/theySend", issues);
        if (agreement.WeSend.Count == 0 && agreement.TheySend.Count == 0)
        {
            issues.Add(new Issue("agreement.types", "The agreement lets at least one side send something.", at + "/weSend"));
        }

        for (var i = 0; i < agreement.SharedFields.Count; i++)
        {
            if (!SharedFields.IsKnown(agreement.SharedFields[i]))
            {
                issues.Add(new Issue("agreement.field",
                    $"'{agreement.SharedFields[i]}' is not a field of the declaration; fields are dotted paths such as items.hsCode or transport.containers.",
                    $"{at}/sharedFields/{i}"));
            }
        }

        var lanes = agreement.ControlResults.Lanes;
        for (var i = 0; i < lanes.Count; i++)
        {
            if (!Enum.TryParse<Lane>(lanes[i], ignoreCase: true, out var lane) || !char.IsAsciiLetterLower(lanes[i][0]) || lane == Lane.Green)
            {
                issues.Add(new Issue("agreement.lane", "Recognition applies to the red, yellow or blue lane.", $"{at}/controlResults/lanes/{i}"));
            }
        }

        if (agreement.ControlResults.Recognised && lanes.Count == 0)
        {
            issues.Add(new Issue("agreement.lanes", "Name the lanes whose control a recognised result replaces.", at + "/controlResults/lanes"));
        }
    }

    private static void CheckTypes(IReadOnlyList<string> types, string at, List<Issue> issues)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (!MessageTypes.IsKnown(types[i]))
            {
                issues.Add(new Issue("agreement.type", $"'{types[i]}' is not a message type; known: {string.Join(", ", MessageTypes.All)}.", $"{at}/{i}"));
            }
            else if (types.Take(i).Contains(types[i], StringComparer.Ordinal))
            {
                issues.Add(new Issue("agreement.type", $"'{types[i]}' is listed twice.", $"{at}/{i}"));
            }
        }
    }
}
