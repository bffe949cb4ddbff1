using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Cli.Edifact;

/// <summary>The typed view of one message, where its type has one: a container list, a bay plan or a cargo report.</summary>
internal sealed record EdifactView(string Kind, object? Value, IReadOnlyList<Issue> Warnings)
{
    public static EdifactView None { get; } = new("", null, []);
}

internal static class EdifactViews
{
    public static EdifactView Read(EdifactMessage message, string? forcedType)
    {
        var type = message.Type.Length > 0 ? message.Type : forcedType ?? "";
        switch (type)
        {
            case "COPRAR" or "CODECO" or "COARRI":
                var containers = ContainerReport.Read(message) with { MessageType = type };
                return new("containers", containers, containers.Warnings);
            case "BAPLIE":
                var plan = BayPlan.Read(message);
                return new("bayPlan", plan, plan.Warnings);
            case "CUSCAR" or "IFCSUM":
                var cargo = CargoReport.Read(message);
                return new("cargo", cargo, cargo.Warnings);
            default:
                return EdifactView.None;
        }
    }
}
