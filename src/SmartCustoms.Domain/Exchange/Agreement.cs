namespace SmartCustoms.Domain.Exchange;

/// <summary>
/// What two administrations agreed, as seen from this node: the types each side may send, the declaration fields
/// shared (everything else is stripped before sending) and what each recognises of the other's work.
/// </summary>
public sealed record Agreement
{
    /// <summary>Message types this node sends to the partner.</summary>
    public IReadOnlyList<string> WeSend { get; init; } = [];

    /// <summary>Message types this node accepts from the partner; anything else is refused at the inbox.</summary>
    public IReadOnlyList<string> TheySend { get; init; } = [];

    /// <summary>Paths of the canonical declaration that leave the node, e.g. <c>items.hsCode</c> or <c>transport.containers</c>.</summary>
    public IReadOnlyList<string> SharedFields { get; init; } = [];

    public ControlRecognition ControlResults { get; init; } = new();

    /// <summary>Traders on the partner's AEO list are treated as AEOs here.</summary>
    public bool AeoRecognised { get; init; }
}

public sealed record ControlRecognition
{
    public bool Recognised { get; init; }

    /// <summary>The lanes (red, yellow, blue) whose control the partner's result may replace.</summary>
    public IReadOnlyList<string> Lanes { get; init; } = [];
}

/// <summary>A partner as an administrator registers it: its node card and the agreement.</summary>
public sealed record PartnerRegistration
{
    public NodeCard? Card { get; init; }
    public Agreement? Agreement { get; init; }
}
