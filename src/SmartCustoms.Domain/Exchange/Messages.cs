using System.Text.Json;

namespace SmartCustoms.Domain.Exchange;

/// <summary>
/// The signed content of every message. <see cref="CreatedAt"/> is when the business change happened; the sender signs
/// again at every delivery attempt with a fresh <see cref="SentAt"/>, which the receiver holds to its clock skew, so
/// that a message held up by a partner's outage is still delivered while a captured one cannot be replayed later.
/// </summary>
public sealed record MessageEnvelope
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Sender { get; init; }
    public required string Recipient { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public required JsonElement Payload { get; init; }
}

/// <summary>The receiver's signed word that it stored a message.</summary>
public sealed record MessageReceipt
{
    public required string MessageId { get; init; }

    /// <summary>The node that sent the message.</summary>
    public required string Sender { get; init; }

    /// <summary>The node that received and stored it, and signs this receipt.</summary>
    public required string Recipient { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public string Status { get; init; } = "accepted";
}

/// <summary>
/// The payload of an <c>export-data</c> message, sent when the export is accepted and again when it is released: the
/// sender's MRN, the declaration's status then, and the declaration fields the agreement shares.
/// </summary>
public sealed record ExportDataPayload
{
    public required string Mrn { get; init; }

    /// <summary>The export's status when the message was written, e.g. <c>accepted</c>, <c>underControl</c>, <c>released</c>.</summary>
    public required string Status { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    public required JsonElement Declaration { get; init; }
}

/// <summary>The JWS <c>typ</c> values, so that a receipt can never pass for a message or the other way round.</summary>
public static class ExchangeMediaTypes
{
    public const string Message = "smartcustoms-message+jws";
    public const string Receipt = "smartcustoms-receipt+jws";

    /// <summary>The Content-Type of a compact JWS (RFC 7515, 9.2.1).</summary>
    public const string Jose = "application/jose";
}

public static class ExchangeJson
{
    /// <summary>Web defaults, unknown members refused, nulls left out: envelopes, receipts, cards and agreements.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        MaxDepth = 32,
    };
}

/// <summary>
/// The payload of a <c>control-result</c> message: what the sender's officers found when they controlled an export
/// to the recipient's country, and the seals on its containers afterwards.
/// </summary>
public sealed record ControlResultPayload
{
    /// <summary>The sender's MRN of the export controlled.</summary>
    public required string Mrn { get; init; }

    /// <summary>The exporter's own reference (LRN), one of the keys an import is matched by.</summary>
    public string? Lrn { get; init; }

    /// <summary>The customs office whose officers controlled the goods.</summary>
    public required string Office { get; init; }
    public required DateTimeOffset InspectedAt { get; init; }

    /// <summary>The lane the export was controlled in: <c>red</c> (physical) or <c>yellow</c> (documents).</summary>
    public required string Lane { get; init; }
    public required bool Findings { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The containers with the seals on them after the control.</summary>
    public IReadOnlyList<Controls.ContainerSeals> Containers { get; init; } = [];
    public string? TransportDocument { get; init; }

    /// <summary>A stored payload read back; null when it does not read (stored by an older version, say).</summary>
    public static ControlResultPayload? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ControlResultPayload>(json, ExchangeJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
