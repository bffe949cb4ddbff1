using System.Globalization;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Postal;

/// <summary>What the screening of an item needs to know of other items: an earlier item for the same recipient, with its value in the tariff's currency.</summary>
public sealed record PriorItem(string Operator, string ItemId, decimal Value);

/// <summary>How the screening is set: the thresholds beside the tariff.</summary>
public sealed record ScreeningSettings
{
    /// <summary>Sum of one recipient's items in the window above which a split shipment is suspected; null: the tariff's de minimis.</summary>
    public decimal? SplitThreshold { get; init; }

    /// <summary>The ceiling of IOSS consignments (EUR 150 in the EU), in the tariff's currency; null: the tariff's de minimis.</summary>
    public decimal? IossCeiling { get; init; }
}

/// <summary>One item to screen, with the recipient's earlier items in the window (any operator).</summary>
public sealed record ScreeningInput(string Operator, string ItemId, PostalItem Item, IReadOnlyList<PriorItem> Prior);

/// <summary>The answer and the item's value in the tariff's currency (null when a currency could not be converted), kept for later sums.</summary>
public sealed record ScreeningResult(PostalAnswer Answer, decimal? Value);

/// <summary>
/// The screening of one postal item: data-quality rules, the duty estimate from the tariff and split-shipment
/// detection, as a pure function of the item, the tariff and the recipient's earlier items. Each rule adds a reason
/// with the decision it asks for; the item gets the strictest.
/// </summary>
public sealed class PostalScreening(TariffSchedule tariff, DateOnly day, ScreeningSettings settings)
{
    private static readonly string[] BusinessMarkers =
    [
        "ltd", "llc", "inc", "gmbh", "co", "corp", "company", "limited", "sarl", "sas", "srl", "spa", "bv", "ag", "oy", "ab", "plc", "shop", "store",
        "trading", "factory", "industrial", "technology", "electronics", "commerce", "ecommerce", "warehouse", "fulfillment", "fulfilment", "有限公司",
    ];

    private readonly decimal _splitThreshold = settings.SplitThreshold ?? tariff.DeMinimis;
    private readonly decimal _iossCeiling = settings.IossCeiling ?? tariff.DeMinimis;

    /// <summary>
    /// Screens the items of a batch in order: each item's recipient sum holds <paramref name="prior"/> (stored items of
    /// the window, by recipient key) and the batch's earlier items, so that a split inside one batch is found too.
    /// </summary>
    public IReadOnlyList<ScreeningResult> ScreenBatch(
        IReadOnlyList<(string Operator, string ItemId, string RecipientKey, PostalItem Item)> items, IReadOnlyDictionary<string, IReadOnlyList<PriorItem>> prior)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(prior);
        var running = new Dictionary<string, List<PriorItem>>(StringComparer.Ordinal);
        var results = new List<ScreeningResult>(items.Count);
        foreach (var (operatorId, itemId, key, item) in items)
        {
            if (!running.TryGetValue(key, out var seen))
            {
                seen = [.. prior.GetValueOrDefault(key) ?? []];
                running[key] = seen;
            }

            var result = Screen(new ScreeningInput(operatorId, itemId, item, seen));
            if (result.Value is { } value)
            {
                seen.RemoveAll(p => string.Equals(p.Operator, operatorId, StringComparison.Ordinal) && string.Equals(p.ItemId, itemId, StringComparison.Ordinal));
                seen.Add(new PriorItem(operatorId, itemId, value));
            }

            results.Add(result);
        }

        return results;
    }

    public ScreeningResult Screen(ScreeningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = input.Item;
        var category = PostalValidation.ParseCategory(item.Category);
        var reasons = new List<AnswerReason>();
        DataQuality(item, category, reasons);
        var duty = Estimate(item, category);
        var value = duty?.Value;
        if (item.TaxRegistration?.Type == "ioss" && value is { } iossValue && _iossCeiling > 0 && iossValue > _iossCeiling)
        {
            reasons.Add(new("ioss.over-ceiling", string.Create(CultureInfo.InvariantCulture,
                $"IOSS is for consignments up to {_iossCeiling} {tariff.Currency}; this one is worth {iossValue} {tariff.Currency}."), PostalDecision.HoldForInformation, "/taxRegistration"));
        }

        if (value is { } own && _splitThreshold > 0)
        {
            SplitShipment(input, own, reasons);
        }

        if (duty is { Payable: > 0 })
        {
            reasons.Add(new("duty.due", string.Create(CultureInfo.InvariantCulture,
                $"Duty {duty.Duty} and VAT {duty.Vat} {duty.Currency} are due on a value of {duty.Value} {duty.Currency}."), PostalDecision.ReleaseWithDutyDue));
        }
        else if (duty is null && category is not PostalCategory.Documents)
        {
            reasons.Add(new("duty.not-estimated", $"The value could not be converted to {tariff.Currency}: no exchange rate for a currency of this item.", PostalDecision.HoldForInformation));
        }

        var decision = reasons.Count == 0 ? PostalDecision.Release : reasons.Max(r => r.Decision);
        return new ScreeningResult(new PostalAnswer(decision, reasons, duty), value);
    }

    private static void DataQuality(PostalItem item, PostalCategory? category, List<AnswerReason> reasons)
    {
        for (var i = 0; i < item.Contents.Count; i++)
        {
            if (item.Contents[i] is not { } line)
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"/contents/{i}");
            if (category != PostalCategory.Documents && Descriptions.IsVague(line.Description))
            {
                reasons.Add(new("description.vague", $"'{line.Description}' does not say what the goods are: a detailed description is needed.", PostalDecision.HoldForInformation, at + "/description"));
            }

            if (category != PostalCategory.Documents && line.Value is 0m or 1m)
            {
                reasons.Add(new("value.token", string.Create(CultureInfo.InvariantCulture, $"A declared value of {line.Value} {line.Currency} is a token, not the price paid."), PostalDecision.HoldForInformation, at + "/value"));
            }

            if (category == PostalCategory.SaleOfGoods && line.HsCode is null)
            {
                reasons.Add(new("hs.missing", "Goods sold need their HS code.", PostalDecision.HoldForInformation, at + "/hsCode"));
            }
        }

        if (category == PostalCategory.Gift && (item.TaxRegistration is not null || IsBusiness(item.Sender?.Name)))
        {
            reasons.Add(new("gift.commercial-sender", $"Declared a gift, but sent by a business ('{item.Sender?.Name}'): gifts are between private persons.", PostalDecision.Inspect, "/category"));
        }
    }

    private void SplitShipment(ScreeningInput input, decimal own, List<AnswerReason> reasons)
    {
        // The same item sent again under a new message id is not a second part.
        var others = input.Prior.Where(p => !(string.Equals(p.Operator, input.Operator, StringComparison.Ordinal) && string.Equals(p.ItemId, input.ItemId, StringComparison.Ordinal)))
            .ToList();
        var total = own + others.Sum(p => p.Value);
        if (others.Count == 0 || own > _splitThreshold || total <= _splitThreshold)
        {
            return;
        }

        reasons.Add(new("split-shipment", string.Create(CultureInfo.InvariantCulture,
                $"{others.Count + 1} items for the same recipient within the period are worth {total} {tariff.Currency} together, over the {_splitThreshold} {tariff.Currency} threshold, while each is under it."),
            PostalDecision.Inspect, "/recipient", [.. others.Select(p => p.Operator + "/" + p.ItemId)]));
    }

    private DutyEstimate? Estimate(PostalItem item, PostalCategory? category)
    {
        var lines = new List<(int Index, ContentLine Line, decimal Value)>();
        for (var i = 0; i < item.Contents.Count; i++)
        {
            if (item.Contents[i] is not { } line || line.Value is not { } amount)
            {
                continue;
            }

            if (Rate(line.Currency) is not { } rate)
            {
                return null;
            }

            lines.Add((i, line, Round(amount * rate)));
        }

        var value = lines.Sum(l => l.Value);
        var relief = category is PostalCategory.Documents or PostalCategory.ReturnedGoods || value <= tariff.DeMinimis;
        var vatPaid = item.TaxRegistration?.Type == "ioss";
        var duties = new List<LineDuty>(lines.Count);
        foreach (var (index, line, lineValue) in lines)
        {
            var tariffLine = line.HsCode is null ? null : TariffCalculator.FindLine(tariff, line.HsCode, day);
            var dutyRate = relief ? 0m : tariffLine?.DutyRate ?? tariff.DefaultDutyRate;
            var duty = relief ? 0m : (tariffLine?.Basis ?? DutyBasis.AdValorem) switch
            {
                DutyBasis.PerKilogram => Round(dutyRate * (line.NetMass ?? 0m)),
                DutyBasis.PerUnit => Round(dutyRate * (line.Quantity ?? 0m)),
                _ => Round(lineValue * dutyRate / 100m),
            };
            // Goods returned and documents bear no VAT; a gift under the relief neither (C2C gifts).
            var vatRate = vatPaid || category is PostalCategory.Documents or PostalCategory.ReturnedGoods || (category == PostalCategory.Gift && value <= tariff.DeMinimis)
                ? 0m
                : tariffLine?.VatRate ?? tariff.DefaultVatRate;
            duties.Add(new LineDuty(index, line.HsCode, lineValue, dutyRate, duty, vatRate, Round((lineValue + duty) * vatRate / 100m)));
        }

        return new DutyEstimate(tariff.Currency, value, tariff.DeMinimis, relief, vatPaid, duties.Sum(d => d.Duty), duties.Sum(d => d.Vat), duties);
    }

    /// <summary>Tariff currency for one unit of <paramref name="currency"/>: the latest rate in force on the day.</summary>
    private decimal? Rate(string? currency)
    {
        if (currency is null || string.Equals(currency, tariff.Currency, StringComparison.Ordinal))
        {
            return 1m;
        }

        ExchangeRate? best = null;
        foreach (var rate in tariff.ExchangeRates)
        {
            if (string.Equals(rate.Currency, currency, StringComparison.Ordinal) && rate.ValidFrom <= day && (best is null || rate.ValidFrom > best.ValidFrom))
            {
                best = rate;
            }
        }

        return best?.Rate;
    }

    private static bool IsBusiness(string? name)
    {
        if (name is null)
        {
            return false;
        }

        if (name.Contains("有限公司", StringComparison.Ordinal))
        {
            return true;
        }

        return Descriptions.Words(name).Any(w => Array.IndexOf(BusinessMarkers, w) >= 0);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
