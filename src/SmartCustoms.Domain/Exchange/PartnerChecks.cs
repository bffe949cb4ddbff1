using System.Globalization;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Exchange;

/// <summary>A partner's export that an import matched, as the partner shared it.</summary>
/// <param name="Partner">The partner's country, as explanations name it (e.g. <c>CN</c>).</param>
/// <param name="Declaration">The fields the agreement shares; every other field is missing.</param>
/// <param name="MatchedBy">How the import matched it, e.g. "container MSCU1234566".</param>
public sealed record PartnerExport(string Partner, string Mrn, DateTimeOffset AcceptedAt, Declaration Declaration, string MatchedBy);

/// <summary>A partner's control result that an import matched, with what the agreement recognises of it.</summary>
/// <param name="RecognisedLanes">The lanes of this node the partner's result may replace; empty when the agreement recognises none.</param>
public sealed record PartnerControl(string Partner, ControlResultPayload Result, string MatchedBy, IReadOnlyList<Lane> RecognisedLanes);

/// <summary>Tolerances and weights of the partner checks (<c>SmartCustoms:Exchange:Checks</c>).</summary>
public sealed class PartnerCheckSettings
{
    /// <summary>A declared value lower than exported by more than this share raises <c>mirror-value</c>; imports carry freight and insurance, so only lower values count.</summary>
    public decimal ValueTolerance { get; set; } = 0.10m;

    /// <summary>A quantity differing by more than this share raises <c>mirror-quantity</c>.</summary>
    public decimal QuantityTolerance { get; set; } = 0.02m;

    /// <summary>A net mass differing by more than this share raises <c>mirror-mass</c>.</summary>
    public decimal MassTolerance { get; set; } = 0.05m;

    public decimal ValueWeight { get; set; } = 100m;
    public Lane ValueLane { get; set; } = Lane.Red;
    public decimal HsWeight { get; set; } = 60m;
    public Lane HsLane { get; set; } = Lane.Yellow;
    public decimal QuantityWeight { get; set; } = 40m;
    public Lane QuantityLane { get; set; } = Lane.Yellow;
    public decimal ConsignorWeight { get; set; } = 60m;
    public Lane ConsignorLane { get; set; } = Lane.Yellow;
    public decimal SealWeight { get; set; } = 100m;
    public Lane SealLane { get; set; } = Lane.Red;
    public decimal FindingsWeight { get; set; } = 60m;
    public Lane FindingsLane { get; set; } = Lane.Yellow;
}

/// <summary>
/// Compares an import with what partners sent about the same goods: the mirror check against their export data (HS
/// subheading, value after currency conversion, quantity, net mass, consignor, item by item) and their control
/// results (findings at export, seals). Pure: the caller finds the matches and gives the conversion to national
/// currency.
/// </summary>
public static class PartnerChecks
{
    public const string MirrorValue = "mirror-value";
    public const string MirrorHs = "mirror-hs";
    public const string MirrorQuantity = "mirror-quantity";
    public const string MirrorMass = "mirror-mass";
    public const string MirrorItems = "mirror-items";
    public const string MirrorConsignor = "mirror-consignor";
    public const string PartnerSeal = "partner-seal";
    public const string PartnerFindings = "partner-findings";

    /// <param name="toNational">National currency units for one unit of a currency, or null when no rate is known.</param>
    /// <param name="nationalCurrency">The currency explanations state converted values in.</param>
    public static PartnerEvidence Evaluate(
        Declaration import, DutyAssessment? duties, IReadOnlyList<PartnerExport> exports, IReadOnlyList<PartnerControl> controls,
        Func<string, decimal?> toNational, string nationalCurrency, PartnerCheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(controls);
        ArgumentNullException.ThrowIfNull(toNational);
        ArgumentNullException.ThrowIfNull(settings);
        if (exports.Count == 0 && controls.Count == 0)
        {
            return PartnerEvidence.None;
        }

        var hits = new List<CriterionHit>();
        var notes = new List<string>();
        // The newest message of each export (the release after the acceptance) is the one compared.
        var distinct = exports.DistinctBy(e => (e.Partner, e.Mrn)).ToList();
        if (distinct.Count > 0)
        {
            var export = distinct[0];
            notes.Add($"Matched {export.Partner}'s export {export.Mrn} of {Day(export.AcceptedAt)} by {export.MatchedBy}.");
            new Mirror(import, duties, export, toNational, nationalCurrency, settings, hits, notes).Compare();
            if (distinct.Count > 1)
            {
                notes.Add($"Also matched, not compared item by item: {string.Join(", ", distinct.Skip(1).Select(e => $"{e.Partner} {e.Mrn}"))}.");
            }
        }

        var latest = controls.OrderByDescending(c => c.Result.InspectedAt).DistinctBy(c => (c.Partner, c.Result.Mrn)).ToList();
        RecognisedControl? recognition = null;
        foreach (var control in latest)
        {
            var candidate = CheckControl(import, control, settings, hits, notes);
            recognition ??= candidate;
        }

        return new PartnerEvidence { Hits = hits, Notes = notes, Recognition = hits.Count == 0 ? recognition : null };
    }

    private static RecognisedControl? CheckControl(
        Declaration import, PartnerControl control, PartnerCheckSettings settings, List<CriterionHit> hits, List<string> notes)
    {
        var result = control.Result;
        var at = $"at {result.Office} on {Day(result.InspectedAt)}";
        if (result.Findings)
        {
            var found = result.Categories.Count > 0 ? string.Join(", ", result.Categories) : "irregularities";
            hits.Add(Hit(PartnerFindings, $"{control.Partner}'s control of export {result.Mrn} {at} found {found}", settings.FindingsWeight, settings.FindingsLane, []));
            return null;
        }

        var declared = (import.Transport?.Containers ?? [])
            .Where(c => !string.IsNullOrWhiteSpace(c.Id))
            .ToDictionary(c => ContainerSeals.Normalise(c.Id), c => c.Seals, StringComparer.Ordinal);
        var broken = new List<string>();
        var intact = new List<string>();
        foreach (var sealedContainer in result.Containers)
        {
            var id = ContainerSeals.Normalise(sealedContainer.Container);
            if (!declared.TryGetValue(id, out var seals))
            {
                continue;
            }

            var theirs = string.Join(", ", sealedContainer.Seals);
            if (sealedContainer.Matches(seals))
            {
                intact.Add($"{id} ({theirs})");
            }
            else
            {
                broken.Add($"{id}: {control.Partner} sealed it with {theirs}, this declaration states {(seals.Count == 0 ? "no seal" : string.Join(", ", seals))}");
            }
        }

        if (broken.Count > 0)
        {
            hits.Add(Hit(PartnerSeal, $"Seals do not match {control.Partner}'s control {at} (export {result.Mrn}): {string.Join("; ", broken)}",
                settings.SealWeight, settings.SealLane, []));
            return null;
        }

        var covered = intact.Count > 0 && intact.Count == declared.Count;
        var lanes = RecognisableLanes(result.Lane, control.RecognisedLanes);
        if (!covered || lanes.Count == 0)
        {
            notes.Add($"{control.Partner} controlled export {result.Mrn} {at} without findings; not recognised here: " +
                (control.RecognisedLanes.Count == 0 ? "the agreement does not recognise its control results."
                : !covered ? "not every container declared here carries seals it affixed or checked."
                : $"its {result.Lane} control does not replace the lanes the agreement names."));
            return null;
        }

        return new RecognisedControl(control.Partner, result.Office, result.InspectedAt, lanes,
            $"{control.Partner} inspected the goods {at} without findings ({result.Lane} lane, export {result.Mrn}) and sealed {string.Join(", ", intact)}; the seals declared here match");
    }

    /// <summary>A physical (red) control may replace any lane the agreement names; a documentary (yellow) one only yellow and blue.</summary>
    private static List<Lane> RecognisableLanes(string partnerLane, IReadOnlyList<Lane> agreed) => partnerLane switch
    {
        "red" => [.. agreed],
        "yellow" => [.. agreed.Where(l => l is Lane.Yellow or Lane.Blue)],
        _ => [.. agreed.Where(l => l is Lane.Blue)],
    };

    private static CriterionHit Hit(string id, string explanation, decimal weight, Lane lane, IReadOnlyList<int> items) =>
        new(id, 1, Names.GetValueOrDefault(id, id), weight, lane, items, explanation);

    /// <summary>The short name of a partner check's id; null for any other id.</summary>
    public static string? NameOf(string id) => Names.GetValueOrDefault(id);

    /// <summary>Short names, as queues and performance tables list the checks beside analysts' criteria.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [MirrorValue] = "Mirror check: value below the partner's export",
        [MirrorHs] = "Mirror check: HS subheading differs from the partner's export",
        [MirrorQuantity] = "Mirror check: quantity differs from the partner's export",
        [MirrorMass] = "Mirror check: net mass differs from the partner's export",
        [MirrorItems] = "Mirror check: number of items differs from the partner's export",
        [MirrorConsignor] = "Mirror check: consignor differs from the partner's exporter",
        [PartnerSeal] = "Partner control: seals do not match",
        [PartnerFindings] = "Partner control: findings at export",
    };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>One import against one export, item by item (by sequence number, else by position).</summary>
    private sealed class Mirror(
        Declaration import, DutyAssessment? duties, PartnerExport export, Func<string, decimal?> toNational, string nationalCurrency,
        PartnerCheckSettings settings, List<CriterionHit> hits, List<string> notes)
    {
        private readonly string _from = $"{export.Partner} on {Day(export.AcceptedAt)} (export {export.Mrn})";

        public void Compare()
        {
            var theirs = export.Declaration.Items;
            var ours = import.Items;
            if (theirs.Count > 0 && ours.Count != theirs.Count)
            {
                hits.Add(Hit(MirrorItems, $"{ours.Count} goods items declared, {theirs.Count} exported from {_from}",
                    settings.QuantityWeight, settings.QuantityLane, []));
            }

            var bySequence = new Dictionary<int, (GoodsItem Item, int Index)>();
            for (var i = 0; i < theirs.Count; i++)
            {
                bySequence.TryAdd(theirs[i]?.Sequence ?? i + 1, (theirs[i] ?? new GoodsItem(), i));
            }

            var hs = new Discrepancies();
            var value = new Discrepancies();
            var quantity = new Discrepancies();
            var mass = new Discrepancies();
            var unconverted = new SortedSet<string>(StringComparer.Ordinal);
            decimal declaredTotal = 0m, exportedTotal = 0m;
            var valuedItems = 0;
            for (var i = 0; i < ours.Count; i++)
            {
                var item = ours[i] ?? new GoodsItem();
                var sequence = item.Sequence ?? i + 1;
                if (!bySequence.TryGetValue(sequence, out var match))
                {
                    continue;
                }

                var other = match.Item;
                CompareHs(sequence, item, other, hs);
                CompareValue(i, sequence, item, other, value, unconverted, ref declaredTotal, ref exportedTotal, ref valuedItems);
                CompareMeasure(sequence, item.Quantity, other.Quantity, SameUnit(item.QuantityUnit, other.QuantityUnit), settings.QuantityTolerance,
                    item.QuantityUnit ?? "units", quantity);
                CompareMeasure(sequence, item.NetMass, other.NetMass, true, settings.MassTolerance, "kg net", mass);
            }

            if (hs.Any)
            {
                hits.Add(Hit(MirrorHs, $"HS subheadings differ from the export from {_from}: {hs.Describe()}", settings.HsWeight, settings.HsLane, hs.Items));
            }

            if (value.Any)
            {
                var shortfall = exportedTotal > 0m ? 1m - (declaredTotal / exportedTotal) : 0m;
                var percent = Math.Round(shortfall * 100m, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
                hits.Add(Hit(MirrorValue, $"Declared value {percent}% below the value exported from {_from}: {value.Describe()}",
                    settings.ValueWeight, settings.ValueLane, value.Items));
            }

            if (quantity.Any)
            {
                hits.Add(Hit(MirrorQuantity, $"Quantity differs from the export from {_from}: {quantity.Describe()}",
                    settings.QuantityWeight, settings.QuantityLane, quantity.Items));
            }

            if (mass.Any)
            {
                hits.Add(Hit(MirrorMass, $"Net mass differs from the export from {_from}: {mass.Describe()}",
                    settings.QuantityWeight, settings.QuantityLane, mass.Items));
            }

            if (unconverted.Count > 0)
            {
                notes.Add($"Values not compared with {export.Partner}'s export for want of an exchange rate for {string.Join(", ", unconverted)} in the tariff.");
            }

            CompareConsignor();
        }

        private static void CompareHs(int sequence, GoodsItem item, GoodsItem other, Discrepancies hs)
        {
            if (Hs6(item.HsCode) is { } ours && Hs6(other.HsCode) is { } theirs && !string.Equals(ours, theirs, StringComparison.Ordinal))
            {
                hs.Add(sequence, $"item {sequence} declared under HS {ours}, exported under {theirs}");
            }
        }

        private void CompareValue(
            int index, int sequence, GoodsItem item, GoodsItem other, Discrepancies value, SortedSet<string> unconverted,
            ref decimal declaredTotal, ref decimal exportedTotal, ref int valuedItems)
        {
            var exported = other.CustomsValue ?? other.ItemPrice ?? other.StatisticalValue;
            var exportedCurrency = exported?.Currency ?? export.Declaration.InvoiceAmount?.Currency;
            if (exported?.Amount is not { } exportedAmount || exportedAmount <= 0m || exportedCurrency is null)
            {
                return;
            }

            var declaredMoney = item.CustomsValue ?? item.ItemPrice;
            var declaredCurrency = declaredMoney?.Currency ?? import.InvoiceAmount?.Currency;
            decimal declared, against;
            string currency;
            if (declaredMoney?.Amount is { } declaredAmount && string.Equals(declaredCurrency, exportedCurrency, StringComparison.Ordinal))
            {
                // Same currency on both sides: compared as stated, no rate needed.
                (declared, against, currency) = (declaredAmount, exportedAmount, exportedCurrency);
            }
            else
            {
                var rate = toNational(exportedCurrency);
                var national = CustomsValues.OfItem(import, index, duties);
                if (rate is null)
                {
                    unconverted.Add(exportedCurrency);
                    return;
                }

                if (national is null)
                {
                    return;
                }

                (declared, against, currency) = (national.Value, exportedAmount * rate.Value, nationalCurrency);
            }

            declaredTotal += declared;
            exportedTotal += against;
            valuedItems++;
            if (declared < against * (1m - settings.ValueTolerance))
            {
                value.Add(sequence, $"item {sequence}: {Amount(declared)} {currency} declared against {Amount(against)} {currency} exported");
            }
        }

        private static void CompareMeasure(int sequence, decimal? ours, decimal? theirs, bool comparable, decimal tolerance, string unit, Discrepancies found)
        {
            if (!comparable || ours is not { } a || theirs is not { } b || a < 0m || b <= 0m)
            {
                return;
            }

            if (Math.Abs(a - b) > tolerance * Math.Max(a, b))
            {
                found.Add(sequence, $"item {sequence}: {Number(a)} {unit} declared against {Number(b)} exported");
            }
        }

        private void CompareConsignor()
        {
            var exporter = Id(export.Declaration.Exporter) ?? Id(export.Declaration.Consignor);
            var consignor = Id(import.Consignor) ?? Id(import.Exporter);
            if (exporter is not null && consignor is not null && !string.Equals(exporter, consignor, StringComparison.Ordinal))
            {
                hits.Add(Hit(MirrorConsignor, $"Consignor {consignor} declared, but the goods were exported from {_from} by {exporter}",
                    settings.ConsignorWeight, settings.ConsignorLane, []));
            }
        }

        private static string? Id(Party? party) => string.IsNullOrWhiteSpace(party?.Id) ? null : ContainerSeals.Normalise(party.Id);

        private static bool SameUnit(string? a, string? b) => a is null || b is null || string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

        private static string? Hs6(string? code)
        {
            if (code is null)
            {
                return null;
            }

            Span<char> digits = stackalloc char[6];
            var n = 0;
            foreach (var c in code)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits[n++] = c;
                    if (n == 6)
                    {
                        return new string(digits);
                    }
                }
            }

            return null;
        }
    }

    /// <summary>The items one check found different, with the words for the first few.</summary>
    private sealed class Discrepancies
    {
        private const int Shown = 3;
        private readonly List<string> _words = [];

        public List<int> Items { get; } = [];

        public bool Any => Items.Count > 0;

        public void Add(int sequence, string words)
        {
            Items.Add(sequence);
            _words.Add(words);
        }

        public string Describe() => _words.Count <= Shown
            ? string.Join("; ", _words)
            : string.Join("; ", _words.Take(Shown)) + $"; and {(_words.Count - Shown).ToString(CultureInfo.InvariantCulture)} more items";
    }
}
