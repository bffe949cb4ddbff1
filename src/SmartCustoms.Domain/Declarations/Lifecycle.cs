namespace SmartCustoms.Domain.Declarations;

public enum DeclarationAction
{
    /// <summary>Customs selects the declaration for a documentary or physical control.</summary>
    Control,
    Release,
    Clear,
    /// <summary>The trader withdraws the declaration before release.</summary>
    Cancel,
    /// <summary>Customs invalidates an accepted declaration (e.g. goods never presented).</summary>
    Invalidate,
    /// <summary>Customs rejects an accepted declaration after review.</summary>
    Reject,
    /// <summary>The trader lodges a corrected version.</summary>
    Amend,
}

/// <summary>The outcome of asking for a transition: the new status and what to notify, or why not.</summary>
public sealed record Transition(bool Allowed, DeclarationStatus Status, NotificationKind? Notification, string? Refusal)
{
    public static Transition To(DeclarationStatus status, NotificationKind notification) => new(true, status, notification, null);

    public static Transition Refused(DeclarationStatus current, string reason) => new(false, current, null, reason);
}

/// <summary>
/// Accepted → assessed → under control → released → cleared; or rejected, cancelled (by the trader, before
/// release) or invalidated. Terminal states admit nothing.
/// </summary>
public static class Lifecycle
{
    public static Transition Apply(DeclarationStatus current, DeclarationAction action) => (action, current) switch
    {
        (DeclarationAction.Control, DeclarationStatus.Accepted or DeclarationStatus.Assessed)
            => Transition.To(DeclarationStatus.UnderControl, NotificationKind.Control),
        (DeclarationAction.Release, DeclarationStatus.Accepted or DeclarationStatus.Assessed or DeclarationStatus.UnderControl)
            => Transition.To(DeclarationStatus.Released, NotificationKind.Released),
        (DeclarationAction.Clear, DeclarationStatus.Released)
            => Transition.To(DeclarationStatus.Cleared, NotificationKind.Cleared),
        (DeclarationAction.Cancel, DeclarationStatus.Accepted or DeclarationStatus.Assessed or DeclarationStatus.UnderControl)
            => Transition.To(DeclarationStatus.Cancelled, NotificationKind.Invalidated),
        (DeclarationAction.Invalidate, DeclarationStatus.Accepted or DeclarationStatus.Assessed or DeclarationStatus.UnderControl or DeclarationStatus.Released)
            => Transition.To(DeclarationStatus.Invalidated, NotificationKind.Invalidated),
        (DeclarationAction.Reject, DeclarationStatus.Accepted or DeclarationStatus.Assessed or DeclarationStatus.UnderControl)
            => Transition.To(DeclarationStatus.Rejected, NotificationKind.Rejected),
        (DeclarationAction.Amend, DeclarationStatus.Accepted or DeclarationStatus.Assessed)
            => Transition.To(DeclarationStatus.Assessed, NotificationKind.Accepted),
        (DeclarationAction.Amend, DeclarationStatus.UnderControl)
            => Transition.To(DeclarationStatus.UnderControl, NotificationKind.Accepted),
        _ => Transition.Refused(current, Describe(action, current)),
    };

    public static bool IsFinal(DeclarationStatus status) =>
        status is DeclarationStatus.Cleared or DeclarationStatus.Rejected or DeclarationStatus.Cancelled or DeclarationStatus.Invalidated;

    private static string Describe(DeclarationAction action, DeclarationStatus current) => action switch
    {
        DeclarationAction.Cancel or DeclarationAction.Amend when current is DeclarationStatus.Released
            => $"A declaration cannot be {(action == DeclarationAction.Cancel ? "cancelled" : "amended")} after the goods are released.",
        _ => $"A declaration that is {current} cannot be {Verb(action)}.",
    };

    private static string Verb(DeclarationAction action) => action switch
    {
        DeclarationAction.Control => "put under control",
        DeclarationAction.Release => "released",
        DeclarationAction.Clear => "cleared",
        DeclarationAction.Cancel => "cancelled",
        DeclarationAction.Invalidate => "invalidated",
        DeclarationAction.Reject => "rejected",
        DeclarationAction.Amend => "amended",
        _ => action.ToString(),
    };
}
