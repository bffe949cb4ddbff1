using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tariffs;

public sealed record TariffResult(DutyAssessment? Assessment, IReadOnlyList<Issue> Issues);

/// <summary>Duties and taxes of an import declaration under a tariff schedule, on a given day. Pure.</summary>
public static class TariffCalculator
{
    public static TariffResult Assess(Declaration declaration, TariffSchedule schedule, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(schedule);
        var issues = new List<Issue>();
        var values = new decimal[declaration.Items.Count];
        decimal rateUsed = 1m;
        for (var i = 0; i < declaration.Items.Count; i++)
        {
            var item = declaration.Items[i];
            var pointer = string.Create(CultureInfo.InvariantCulture, $"/items/{i}");
            var basis = item.CustomsValue?.Amount is not null ? item.CustomsValue : item.ItemPrice;
            var basisPointer = pointer + (item.CustomsValue?.Amount is not null ? "/customsValue/currency" : "/itemPrice/currency");
            if (basis?.Amount is not { } amount)
            {
                continue;
            }

            var rate = Rate(declaration, schedule, basis.Currency, date);
            if (rate is null)
            {
                issues.Add(new Issue("currency.no-exchange-rate",
                    $"No exchange rate from {basis.Currency} to {schedule.Currency} is known for {date:yyyy-MM-dd}; state the rate on the declaration.", basisPointer));
                continue;
            }

            rateUsed = rate.Value;
            values[i] = amount * rate.Value + Adjustments(item, pointer, declaration, schedule, date, issues);
            SpecificDutyBasis(item, pointer, schedule, date, issues);
        }

        if (issues.Count > 0)
        {
            return new TariffResult(null, issues);
        }

        var totalValue = Round(values.Sum());
        var deMinimis = totalValue <= schedule.DeMinimis;
        var items = new List<ItemDuty>(declaration.Items.Count);
        for (var i = 0; i < declaration.Items.Count; i++)
        {
            items.Add(ItemDuty(declaration.Items[i], i, Round(values[i]), schedule, date, deMinimis));
        }

        return new TariffResult(new DutyAssessment
        {
            Currency = schedule.Currency,
            TariffDate = date,
            TariffName = schedule.Name,
            ExchangeRate = rateUsed,
            TotalCustomsValue = totalValue,
            TotalDuty = items.Sum(x => x.Duty),
            TotalVat = items.Sum(x => x.Vat),
            DeMinimisApplied = deMinimis,
            Items = items,
        }, issues);
    }

    /// <summary>A duty per kilogram or per unit cannot be assessed without the mass or quantity it is charged on.</summary>
    private static void SpecificDutyBasis(GoodsItem item, string pointer, TariffSchedule schedule, DateOnly date, List<Issue> issues)
    {
        var line = FindLine(schedule, item.HsCode ?? string.Empty, date);
        if (line?.Basis == DutyBasis.PerKilogram && item.NetMass is null)
        {
            issues.Add(new Issue("item.net-mass-required",
                $"HS {item.HsCode} pays duty per kilogram (tariff line {line.HsPrefix}): the net mass is required.", pointer + "/netMass"));
        }
        else if (line?.Basis == DutyBasis.PerUnit && item.Quantity is null)
        {
            issues.Add(new Issue("item.quantity-required",
                $"HS {item.HsCode} pays duty per unit (tariff line {line.HsPrefix}): the quantity in the supplementary unit is required.", pointer + "/quantity"));
        }
    }

    private static ItemDuty ItemDuty(GoodsItem item, int index, decimal value, TariffSchedule schedule, DateOnly date, bool deMinimis)
    {
        var hs = item.HsCode ?? string.Empty;
        var line = FindLine(schedule, hs, date);
        var basis = line?.Basis ?? DutyBasis.AdValorem;
        var dutyRate = line?.DutyRate ?? schedule.DefaultDutyRate;
        var vatRate = line?.VatRate ?? schedule.DefaultVatRate;
        var duty = deMinimis ? 0m : basis switch
        {
            DutyBasis.AdValorem => Round(value * dutyRate / 100m),
            DutyBasis.PerKilogram => Round((item.NetMass ?? 0m) * dutyRate),
            DutyBasis.PerUnit => Round((item.Quantity ?? 0m) * dutyRate),
            _ => throw new ArgumentOutOfRangeException(nameof(schedule), basis, "Unknown duty basis."),
        };
        var vatBase = value + duty;
        return new ItemDuty
        {
            Sequence = item.Sequence ?? index + 1,
            HsCode = hs,
            CustomsValue = value,
            TariffLine = line?.HsPrefix,
            DutyBasis = basis,
            DutyRate = dutyRate,
            Duty = duty,
            VatBase = vatBase,
            VatRate = vatRate,
            Vat = Round(vatBase * vatRate / 100m),
        };
    }

    /// <summary>The longest HS prefix valid on the day; a national code of 8 or 10 digits matches its 6-digit line.</summary>
    public static TariffLine? FindLine(TariffSchedule schedule, string hsCode, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        TariffLine? best = null;
        foreach (var line in schedule.Lines)
        {
            if (hsCode.StartsWith(line.HsPrefix, StringComparison.Ordinal)
                && (line.ValidFrom is null || line.ValidFrom <= date)
                && (line.ValidTo is null || date <= line.ValidTo)
                && (best is null || line.HsPrefix.Length > best.HsPrefix.Length))
            {
                best = line;
            }
        }

        return best;
    }

    /// <summary>Freight, insurance and the like; one that cannot be converted is an issue, never silently left out of the value.</summary>
    private static decimal Adjustments(GoodsItem item, string pointer, Declaration declaration, TariffSchedule schedule, DateOnly date, List<Issue> issues)
    {
        decimal total = 0;
        for (var a = 0; a < item.ValuationAdjustments.Count; a++)
        {
            if (item.ValuationAdjustments[a].Amount is not { Amount: { } amount } money)
            {
                continue;
            }

            if (Rate(declaration, schedule, money.Currency, date) is { } rate)
            {
                total += amount * rate;
            }
            else
            {
                issues.Add(new Issue("currency.no-exchange-rate",
                    $"No exchange rate from {money.Currency} to {schedule.Currency} is known for {date:yyyy-MM-dd}.",
                    string.Create(CultureInfo.InvariantCulture, $"{pointer}/valuationAdjustments/{a}/amount/currency")));
            }
        }

        return total;
    }

    /// <summary>
    /// National currency for one unit of <paramref name="currency"/> on <paramref name="date"/>: 1 for the national
    /// currency; a rate stated on the declaration wins over the node's table, as the declarant's invoice conversion, for
    /// the invoice currency only; otherwise the table's latest rate in force; null when none is known.
    /// </summary>
    public static decimal? Rate(Declaration declaration, TariffSchedule schedule, string? currency, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(schedule);
        if (currency is null || string.Equals(currency, schedule.Currency, StringComparison.Ordinal))
        {
            return 1m;
        }

        if (declaration.ExchangeRate is { } stated && stated > 0
            && (declaration.InvoiceAmount?.Currency is not { } invoiceCurrency || string.Equals(invoiceCurrency, currency, StringComparison.Ordinal)))
        {
            return stated;
        }

        ExchangeRate? best = null;
        foreach (var rate in schedule.ExchangeRates)
        {
            if (string.Equals(rate.Currency, currency, StringComparison.Ordinal) && rate.ValidFrom <= date
                && (best is null || rate.ValidFrom > best.ValidFrom))
            {
                best = rate;
            }
        }

        return best?.Rate;
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
