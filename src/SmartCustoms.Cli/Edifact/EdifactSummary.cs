using System.Globalization;
using SmartCustoms.Domain.Edifact;

namespace SmartCustoms.Cli.Edifact;

/// <summary>The plain-text answer of <c>edifact parse</c>: one line per message, then one per container or consignment.</summary>
internal static class EdifactSummary
{
    public static async Task WriteAsync(TextWriter output, string path, EdifactInterchange interchange, IReadOnlyList<EdifactView> views)
    {
        var envelope = interchange.Syntax is { } syntax
            ? $"{syntax.Identifier}:{syntax.Version} from {interchange.Sender?.Id} to {interchange.Recipient?.Id}, reference {interchange.ControlReference}"
            : "no UNB envelope";
        await output.WriteLineAsync(Invariant($"{path}: OK, {interchange.Messages.Count} message(s), {interchange.SegmentCount} segments ({envelope})")).ConfigureAwait(false);
        for (var i = 0; i < interchange.Messages.Count; i++)
        {
            var message = interchange.Messages[i];
            var type = message.Type.Length == 0 ? "(no type)" : message.Type;
            await output.WriteLineAsync(Invariant($"  {type} {message.Directory} message {message.Reference}: {message.Segments.Count} segments")).ConfigureAwait(false);
            foreach (var line in Lines(views[i].Value))
            {
                await output.WriteLineAsync("    " + line).ConfigureAwait(false);
            }
        }
    }

    private static IEnumerable<string> Lines(object? view) => view switch
    {
        ContainerReport report => report.Containers.Select(c => Invariant(
            $"{c.Number} ({Check(c.Check)}) {c.SizeType} status {c.Status} {Full(c.Full)}{Opt(" booking ", c.Booking)}{(c.Seals.Count > 0 ? " seals " + string.Join(',', c.Seals.Select(s => s.Number)) : "")}{Kg(" VGM ", c.VerifiedGrossKg ?? c.GrossKg)}{Opt(" truck ", c.TruckPlate)}")),
        BayPlan plan => plan.Containers.Select(c => Invariant($"cell {c.Cell}: {c.Number} ({Check(c.Check)}) {c.SizeType} {Full(c.Full)}{Kg(" ", c.WeightKg)}{Opt(" to ", c.DischargePort)}")),
        CargoReport cargo => cargo.Consignments.Select(c => Invariant(
            $"consignment {c.Number} {c.TransportDocument} {c.LoadPort} -> {c.DischargePort}: {c.Items.Count} item(s), containers {string.Join(',', c.Items.SelectMany(i => i.Containers).Distinct())}")),
        _ => [],
    };

    private static string Check(SmartCustoms.Domain.ReferenceData.ContainerNumberCheck check) => check switch
    {
        SmartCustoms.Domain.ReferenceData.ContainerNumberCheck.Valid => "ISO 6346 valid",
        SmartCustoms.Domain.ReferenceData.ContainerNumberCheck.WrongCheckDigit => "wrong check digit",
        _ => "not ISO 6346",
    };

    private static string Full(bool? full) => full switch { true => "full", false => "empty", null => "full/empty not said" };

    private static string Opt(string label, string? value) => value is null ? "" : label + value;

    private static string Kg(string label, decimal? kg) => kg is { } v ? Invariant($"{label}{v:0.###} kg") : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
