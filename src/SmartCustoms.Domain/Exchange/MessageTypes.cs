namespace SmartCustoms.Domain.Exchange;

/// <summary>The message types two nodes may agree on; the names are what an agreement lists.</summary>
public static class MessageTypes
{
    public const string ExportData = "export-data";
    public const string ControlResult = "control-result";
    public const string AeoList = "aeo-list";
    public const string RiskAlert = "risk-alert";
    public const string Release = "release";

    public static IReadOnlyList<string> All { get; } = [ExportData, ControlResult, AeoList, RiskAlert, Release];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
