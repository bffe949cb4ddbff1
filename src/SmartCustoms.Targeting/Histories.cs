namespace SmartCustoms.Targeting;

/// <summary>The keys whose inspection history becomes features: who declares, what, from where, through which office.</summary>
public enum History
{
    Importer,
    Declarant,
    Seller,
    Courier,
    Hs6,
    Hs4,
    Hs2,
    Origin,
    Route,
    Office,
    ImporterHs6,
}

/// <summary>How many inspections a key has had and what they found.</summary>
public readonly record struct KeyStats(int Count, int Fraud, int Critical)
{
    public static KeyStats operator +(KeyStats a, KeyStats b) => new(a.Count + b.Count, a.Fraud + b.Fraud, a.Critical + b.Critical);
    public static KeyStats operator -(KeyStats a, KeyStats b) => new(a.Count - b.Count, a.Fraud - b.Fraud, a.Critical - b.Critical);

    public static KeyStats Add(KeyStats left, KeyStats right) => left + right;
    public static KeyStats Subtract(KeyStats left, KeyStats right) => left - right;

    public static KeyStats Of(LabelledRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(1, row.Fraud ? 1 : 0, row.CriticalFraud ? 1 : 0);
    }
}

internal static class Histories
{
    public static readonly History[] All = Enum.GetValues<History>();

    // Long enough for any composite key; longer keys are cut, which only merges absurdly long identifiers.
    public const int MaxKeyLength = 128;

    public static string Name(History history) => history switch
    {
        History.Importer => "importer",
        History.Declarant => "declarant",
        History.Seller => "seller",
        History.Courier => "courier",
        History.Hs6 => "hs6",
        History.Hs4 => "hs4",
        History.Hs2 => "hs2",
        History.Origin => "origin",
        History.Route => "route",
        History.Office => "office",
        History.ImporterHs6 => "importer_hs6",
        _ => throw new ArgumentOutOfRangeException(nameof(history), history, null),
    };

    /// <summary>The subject of an officer's sentence about this history, from the record's own values.</summary>
    public static string Subject(History history, TargetingRecord record) => history switch
    {
        History.Importer => $"importer {record.ImporterId}",
        History.Declarant => $"declarant {record.DeclarantId}",
        History.Seller => record.SellerId.Length == 0 ? "declarations without a seller" : $"seller {record.SellerId}",
        History.Courier => record.CourierId.Length == 0 ? "declarations without a courier" : $"courier {record.CourierId}",
        History.Hs6 => $"HS {record.Hs6}",
        History.Hs4 => $"HS {Prefix(record.Hs6, 4).ToString()}",
        History.Hs2 => $"HS chapter {Prefix(record.Hs6, 2).ToString()}",
        History.Origin => $"origin {record.OriginCountry}",
        History.Route => $"route {record.DepartureCountry} to {record.OriginCountry} origin",
        History.Office => $"office {record.Office}",
        History.ImporterHs6 => $"importer {record.ImporterId} with HS {record.Hs6}",
        _ => throw new ArgumentOutOfRangeException(nameof(history), history, null),
    };

    /// <summary>The key of <paramref name="record"/> for <paramref name="history"/>; composite keys are written into <paramref name="buffer"/>.</summary>
    public static ReadOnlySpan<char> Key(History history, TargetingRecord record, Span<char> buffer) => history switch
    {
        History.Importer => record.ImporterId,
        History.Declarant => record.DeclarantId,
        History.Seller => record.SellerId,
        History.Courier => record.CourierId,
        History.Hs6 => record.Hs6,
        History.Hs4 => Prefix(record.Hs6, 4),
        History.Hs2 => Prefix(record.Hs6, 2),
        History.Origin => record.OriginCountry,
        History.Route => Join(record.DepartureCountry, record.OriginCountry, buffer),
        History.Office => record.Office,
        History.ImporterHs6 => Join(record.ImporterId, record.Hs6, buffer),
        _ => throw new ArgumentOutOfRangeException(nameof(history), history, null),
    };

    public static ReadOnlySpan<char> Prefix(string code, int length) => code.AsSpan(0, Math.Min(length, code.Length));

    private static ReadOnlySpan<char> Join(string left, string right, Span<char> buffer)
    {
        var l = Math.Min(left.Length, (buffer.Length - 1) / 2);
        var r = Math.Min(right.Length, buffer.Length - 1 - l);
        left.AsSpan(0, l).CopyTo(buffer);
        buffer[l] = '>';
        right.AsSpan(0, r).CopyTo(buffer[(l + 1)..]);
        return buffer[..(l + 1 + r)];
    }
}
