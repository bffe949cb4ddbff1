namespace SmartCustoms.Domain.Declarations;

public enum DeclarationStatus
{
    Accepted,
    Assessed,
    UnderControl,
    Released,
    Cleared,
    Rejected,
    Cancelled,
    Invalidated,
}

/// <summary>Notification kinds, named after the UK DMS notifications that a WCO-based trader system already knows.</summary>
public enum NotificationKind
{
    /// <summary>DMSACC: legally accepted (also sent for an accepted amendment).</summary>
    Accepted,
    /// <summary>DMSTAX: duties and taxes calculated.</summary>
    TaxCalculation,
    /// <summary>DMSCTL: selected for control.</summary>
    Control,
    /// <summary>DMSROG: goods released.</summary>
    Released,
    /// <summary>DMSCLE: cleared.</summary>
    Cleared,
    /// <summary>DMSREJ: rejected.</summary>
    Rejected,
    /// <summary>DMSINV: invalidated, on cancellation by the trader or by customs.</summary>
    Invalidated,
}

public static class NotificationKinds
{
    public static string DmsCode(this NotificationKind kind) => kind switch
    {
        NotificationKind.Accepted => "DMSACC",
        NotificationKind.TaxCalculation => "DMSTAX",
        NotificationKind.Control => "DMSCTL",
        NotificationKind.Released => "DMSROG",
        NotificationKind.Cleared => "DMSCLE",
        NotificationKind.Rejected => "DMSREJ",
        NotificationKind.Invalidated => "DMSINV",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
