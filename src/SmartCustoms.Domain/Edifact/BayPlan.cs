using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Edifact;

/// <summary>One stowage group of a BAPLIE: the cell (LOC+147, bay-row-tier), the box in it and its weight and ports.</summary>
public sealed record StowedContainer
{
    public required string Cell { get; init; }
    public required string Number { get; init; }
    public required ContainerNumberCheck Check { get; init; }
    public required string SizeType { get; init; }
    public bool? Full { get; init; }
    public decimal? WeightKg { get; init; }
    public string? LoadPort { get; init; }
    public string? DischargePort { get; init; }
    public string? Operator { get; init; }
    public required string Pointer { get; init; }
}

/// <summary>The bay plan of a BAPLIE: the vessel call, departure and next port, and every stowed box.</summary>
public sealed record BayPlan
{
    public VesselCall? Vessel { get; init; }
    public string? DeparturePort { get; init; }
    public string? NextPort { get; init; }
    public required IReadOnlyList<StowedContainer> Containers { get; init; }
    public required IReadOnlyList<Issue> Warnings { get; init; }

    public static BayPlan Read(EdifactMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body;
        var warnings = new List<Issue>();
        var containers = new List<StowedContainer>();
        foreach (var group in body.Groups("LOC", "147", "CNT"))
        {
            var eqd = group.First("EQD");
            containers.Add(new StowedContainer
            {
                Cell = group[0].Value(1),
                Number = eqd?.Value(1) ?? "",
                Check = eqd is null ? ContainerNumberCheck.NotIso6346 : ContainerReport.CheckNumber(eqd, warnings),
                SizeType = eqd is null ? "" : eqd.ValueOrNull(2) ?? eqd.Value(2, 3),
                Full = eqd?.Value(5) switch { "5" => true, "4" => false, _ => null },
                WeightKg = ContainerReport.Weight(group, "WT"),
                LoadPort = group.First("LOC", "9")?.ValueOrNull(1),
                DischargePort = group.First("LOC", "11")?.ValueOrNull(1),
                Operator = group.First("NAD", "CA")?.ValueOrNull(1),
                Pointer = group[0].Pointer(),
            });
        }

        return new BayPlan
        {
            Vessel = VesselCall.From(body),
            DeparturePort = body.First("LOC", "5")?.ValueOrNull(1),
            NextPort = body.First("LOC", "61")?.ValueOrNull(1),
            Containers = containers,
            Warnings = warnings,
        };
    }
}
