using System.Globalization;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Edifact;

public sealed record ContainerSeal(string Number, string Issuer);

/// <summary>One EQD equipment group of a COPRAR or CODECO: the box, what is said of it, and where its EQD stands.</summary>
public sealed record ReportedContainer
{
    public required string Number { get; init; }
    public required ContainerNumberCheck Check { get; init; }
    public required string SizeType { get; init; }

    /// <summary>8249 equipment status: 1 continental, 2 export, 3 import, 4 remain on board, 5 shifter, 6 transhipment.</summary>
    public required string Status { get; init; }

    /// <summary>8169 full or empty: true for 5, false for 4, null when not said.</summary>
    public bool? Full { get; init; }
    public string? Booking { get; init; }
    public string? BillOfLading { get; init; }
    public required IReadOnlyList<ContainerSeal> Seals { get; init; }
    public decimal? GrossKg { get; init; }
    public decimal? VerifiedGrossKg { get; init; }
    public string? LoadPort { get; init; }
    public string? DischargePort { get; init; }
    public string? TruckPlate { get; init; }
    public string? Goods { get; init; }
    public required string Pointer { get; init; }
}

/// <summary>The vessel call of TDT+20: voyage, carrier, the means of transport's id (call sign or IMO) and name.</summary>
public sealed record VesselCall(string Voyage, string Carrier, string Id, string IdKind, string Name)
{
    public static VesselCall? From(IReadOnlyList<EdifactSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return segments.First("TDT", "20") is { } tdt
            ? new VesselCall(tdt.Value(1), tdt.Value(4), tdt.Value(7), tdt.Value(7, 1) switch { "103" => "call sign", "146" => "IMO", var other => other }, tdt.Value(7, 3))
            : null;
    }
}

/// <summary>
/// The container list of a COPRAR (load/discharge order) or CODECO (gate-in/gate-out report): one entry per EQD group,
/// each number checked with ISO 6346, and the message's CNT+16 equipment total checked against the groups.
/// </summary>
public sealed record ContainerReport
{
    public required string MessageType { get; init; }
    public required string DocumentNumber { get; init; }

    /// <summary>BGM 1001 document name code (e.g. 34 gate-in, 36 gate-out, 45 loading order) and 1225 function (9 original).</summary>
    public required string DocumentCode { get; init; }
    public required string Function { get; init; }
    public VesselCall? Vessel { get; init; }
    public required IReadOnlyList<ReportedContainer> Containers { get; init; }
    public required IReadOnlyList<Issue> Warnings { get; init; }

    public static ContainerReport Read(EdifactMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body;
        var warnings = new List<Issue>();
        var groups = body.Groups("EQD", null, "CNT");
        var containers = groups.Select(g => ReadContainer(g, body, warnings)).ToList();
        CheckTotal(body, containers.Count, "EQD equipment groups", warnings);
        var bgm = body.First("BGM");
        return new ContainerReport
        {
            MessageType = message.Type,
            DocumentCode = bgm?.Value(0) ?? "",
            DocumentNumber = bgm?.Value(1) ?? "",
            Function = bgm?.Value(2) ?? "",
            Vessel = VesselCall.From(body),
            Containers = containers,
            Warnings = warnings,
        };
    }

    private static ReportedContainer ReadContainer(IReadOnlyList<EdifactSegment> group, IReadOnlyList<EdifactSegment> body, List<Issue> warnings)
    {
        var eqd = group[0];
        var number = eqd.Value(1);
        var check = CheckNumber(eqd, warnings);
        var full = eqd.Value(5) switch { "5" => true, "4" => false, _ => (bool?)null };
        var road = group.FirstOrDefault(s => s.Tag == "TDT" && (s.Value(0) == "1" || s.Value(2) == "3"));
        return new ReportedContainer
        {
            Number = number,
            Check = check,
            SizeType = eqd.ValueOrNull(2) ?? eqd.Value(2, 3),
            Status = eqd.Value(4),
            Full = full,
            Booking = Reference(group, "BN"),
            BillOfLading = Reference(group, "BM"),
            Seals = [.. group.All("SEL").Select(s => new ContainerSeal(s.Value(0), s.Value(1)))],
            GrossKg = Weight(group, "G") ?? Weight(group, "AAB"),
            VerifiedGrossKg = Weight(group, "VGM"),
            LoadPort = group.First("LOC", "9")?.ValueOrNull(1) ?? body.First("LOC", "9")?.ValueOrNull(1),
            DischargePort = group.First("LOC", "11")?.ValueOrNull(1),
            TruckPlate = road?.ValueOrNull(7),
            Goods = group.First("FTX", "AAA") is { } ftx ? ftx.Text(3) : null,
            Pointer = eqd.Pointer(),
        };
    }

    internal static ContainerNumberCheck CheckNumber(EdifactSegment eqd, List<Issue> warnings)
    {
        var number = eqd.Value(1);
        var check = ContainerNumber.Check(number);
        if (check != ContainerNumberCheck.Valid && eqd.Value(0) == "CN")
        {
            var why = check == ContainerNumberCheck.WrongCheckDigit
                ? $"its check digit should be {ContainerNumber.ComputeCheckDigit(number.Trim().AsSpan(0, 10))}"
                : number.Trim() is { Length: 11 } n && n[..4].All(char.IsAsciiLetter) && n[4..10].All(char.IsAsciiDigit)
                    ? $"its fourth letter \"{n[3]}\" is not an equipment category (U, J, Z, or a swap-body letter); with a valid category the check digit would be {ContainerNumber.ComputeCheckDigit(n.AsSpan(0, 10))}"
                    : "it is not 4 letters (owner code and category), 6 digits and a check digit";
            warnings.Add(new Issue(EdifactIssues.ContainerNumber, $"Container \"{number}\" is not a valid ISO 6346 number: {why}.", eqd.Pointer(1), IssueSeverity.Warning)
            { Line = eqd.Position.Line });
        }

        return check;
    }

    internal static void CheckTotal(IReadOnlyList<EdifactSegment> body, int count, string what, List<Issue> warnings)
    {
        if (body.First("CNT", "16") is { } cnt && cnt.Decimal(0, 1) is { } stated && stated != count)
        {
            warnings.Add(new Issue(EdifactIssues.ControlTotal, string.Create(CultureInfo.InvariantCulture,
                $"CNT+16 says {stated} containers; the message has {count} {what}."), cnt.Pointer(0), IssueSeverity.Warning) { Line = cnt.Position.Line });
        }
    }

    private static string? Reference(IReadOnlyList<EdifactSegment> group, string qualifier) =>
        group.FirstOrDefault(s => s.Tag == "RFF" && s.Value(0, 0) == qualifier)?.ValueOrNull(0, 1);

    /// <summary>MEA+AAE+{qualifier}+unit:value (or MEA+WT++unit:value), in kilograms.</summary>
    internal static decimal? Weight(IReadOnlyList<EdifactSegment> group, string qualifier)
    {
        var mea = group.FirstOrDefault(s => s.Tag == "MEA" && (s.Value(1) == qualifier || (qualifier == "WT" && s.Value(0) == "WT")));
        return mea is null ? null : Kilograms(mea.Value(2, 0), mea.Decimal(2, 1));
    }

    internal static decimal? Kilograms(string unit, decimal? value) => value is not { } v ? null : unit switch
    {
        "KGM" => v,
        "TNE" or "TON" => v * 1000m,
        "LBR" => Math.Round(v * 0.45359237m, 3),
        _ => null,
    };
}
