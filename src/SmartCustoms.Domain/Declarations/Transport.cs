namespace SmartCustoms.Domain.Declarations;

public sealed record Transport
{
    /// <summary>Mode of transport at the border (UN Rec 19: 1 sea, 2 rail, 3 road, 4 air, 5 post, 7 fixed installation, 8 inland waterway, 9 own propulsion).</summary>
    public string? ModeAtBorder { get; init; }

    /// <summary>Identity of the active means of transport crossing the border (vessel name or IMO number, flight, plate).</summary>
    public string? BorderMeansId { get; init; }
    public string? BorderMeansIdType { get; init; }
    public string? BorderMeansNationality { get; init; }

    /// <summary>Identity of the means of transport on arrival or departure (WCO ArrivalTransportMeans/DepartureTransportMeans).</summary>
    public string? InlandMeansId { get; init; }
    public string? InlandMeansIdType { get; init; }

    /// <summary>Transport document such as a bill of lading or an air waybill.</summary>
    public DocumentReference? TransportDocument { get; init; }

    /// <summary>WCO ContainerCode: 1 when the goods travel in containers.</summary>
    public bool? Containerised { get; init; }

    public IReadOnlyList<Container> Containers { get; init; } = [];
}

public sealed record Container
{
    public int? Sequence { get; init; }

    /// <summary>Container number, ISO 6346 form for freight containers (ILU code for swap bodies).</summary>
    public string? Id { get; init; }
    public IReadOnlyList<string> Seals { get; init; } = [];
}
