using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Domain.Declarations;

/// <summary>The customs value of a goods item in national currency, as the risk engine and the trade statistics both read it.</summary>
public static class CustomsValues
{
    /// <summary>
    /// From <paramref name="duties"/> when it assessed the item (national currency, as assessed); otherwise the item's
    /// stated customs value or price, converted with the declaration's exchange rate when it states one. Null when
    /// neither is known.
    /// </summary>
    public static decimal? OfItem(Declaration declaration, int index, DutyAssessment? duties)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var item = declaration.Items[index] ?? new GoodsItem();
        return Assessed(duties, item.Sequence ?? index + 1)
            ?? (item.CustomsValue?.Amount ?? item.ItemPrice?.Amount) * (declaration.ExchangeRate ?? 1m);
    }

    private static decimal? Assessed(DutyAssessment? duties, int sequence)
    {
        if (duties is null)
        {
            return null;
        }

        foreach (var line in duties.Items)
        {
            if (line.Sequence == sequence)
            {
                return line.CustomsValue;
            }
        }

        return null;
    }
}
