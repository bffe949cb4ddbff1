using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Edifact;

/// <summary>One goods item (GID) of a consignment: packages, description, gross mass and the containers it is in.</summary>
public sealed record CargoItem(string Number, string Packages, string PackageKind, string Description, decimal? GrossKg, IReadOnlyList<string> Containers, string Pointer);

/// <summary>One consignment (CNI) of a CUSCAR or IFCSUM: its transport document, ports, parties and goods items.</summary>
public sealed record CargoConsignment
{
    public required string Number { get; init; }
    public required string TransportDocument { get; init; }
    public string? LoadPort { get; init; }
    public string? DischargePort { get; init; }
    public string? Consignor { get; init; }
    public string? Consignee { get; init; }
    public string? NotifyParty { get; init; }
    public required IReadOnlyList<CargoItem> Items { get; init; }
    public required string Pointer { get; init; }
}

/// <summary>A cargo report (CUSCAR) or forwarding summary (IFCSUM): vessel call and consignments, each with its goods.</summary>
public sealed record CargoReport
{
    public required string DocumentNumber { get; init; }
    public VesselCall? Vessel { get; init; }
    public required IReadOnlyList<CargoConsignment> Consignments { get; init; }
    public required IReadOnlyList<Issue> Warnings { get; init; }

    public static CargoReport Read(EdifactMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body;
        var consignments = body.Groups("CNI", null, "CNT").Select(ReadConsignment).ToList();
        return new CargoReport
        {
            DocumentNumber = body.First("BGM")?.Value(1) ?? "",
            Vessel = VesselCall.From(body),
            Consignments = consignments,
            Warnings = [],
        };
    }

    private static CargoConsignment ReadConsignment(IReadOnlyList<EdifactSegment> group)
    {
        var cni = group[0];
        var firstItem = group.Select((s, i) => (s, i)).FirstOrDefault(p => p.s.Tag == "GID").i;
        IReadOnlyList<EdifactSegment> head = firstItem > 0 ? [.. group.Take(firstItem)] : group;
        var document = head.FirstOrDefault(s => s.Tag == "RFF" && s.Value(0, 0) is "BM" or "AAA" or "BH")?.Value(0, 1);
        return new CargoConsignment
        {
            Number = cni.Value(0),
            TransportDocument = cni.ValueOrNull(1) ?? document ?? "",
            LoadPort = head.First("LOC", "9")?.ValueOrNull(1),
            DischargePort = head.First("LOC", "11")?.ValueOrNull(1),
            Consignor = Party(head, "CZ"),
            Consignee = Party(head, "CN"),
            NotifyParty = Party(head, "N1"),
            Items = [.. group.Groups("GID").Select(ReadItem)],
            Pointer = cni.Pointer(),
        };
    }

    private static CargoItem ReadItem(IReadOnlyList<EdifactSegment> item)
    {
        var gid = item[0];
        var gross = item.FirstOrDefault(s => s.Tag == "MEA" && s.Value(1) == "G");
        return new CargoItem(
            gid.Value(0), gid.Value(1, 0), gid.Value(1, 1),
            string.Join(" ", item.All("FTX", "AAA").Select(f => f.Text(3, ""))),
            gross is null ? null : ContainerReport.Kilograms(gross.Value(2, 0), gross.Decimal(2, 1)),
            [.. item.All("SGP").Select(s => s.Value(0))],
            gid.Pointer());
    }

    /// <summary>NAD name: the party's coded id (element 2) or its name and address lines (C058, C080).</summary>
    private static string? Party(IReadOnlyList<EdifactSegment> segments, string qualifier) =>
        segments.First("NAD", qualifier) is { } nad
            ? nad.ValueOrNull(1) ?? (nad.Text(2).Length > 0 ? nad.Text(2, ", ") : nad.Text(3, " ") is { Length: > 0 } name ? name : null)
            : null;
}
