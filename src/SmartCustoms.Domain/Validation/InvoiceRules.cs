using System.Globalization;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Validation;

internal static class InvoiceRules
{
    public static void Check(Declaration d, ValidationContext context, IssueList issues)
    {
        if (d.ExchangeRate is { } rate && (rate <= 0 || rate > Fields.MaxMagnitude))
        {
            issues.Error("out-of-range", "The exchange rate must be more than zero.", "/exchangeRate");
        }

        if (d.InvoiceAmount is not { } invoice)
        {
            return;
        }

        Fields.Amount(issues, invoice.Amount, "/invoiceAmount/amount", "The invoice amount");
        Fields.Currency(issues, context.Catalog, invoice.Currency, "/invoiceAmount/currency");
        if (invoice.Amount is not { } total || invoice.Currency is null)
        {
            return;
        }

        // Only item prices in the invoice currency can be added up; an invoice in several currencies is not checked.
        decimal sum = 0;
        foreach (var item in d.Items)
        {
            if (item.ItemPrice is not { Amount: { } price } p || !string.Equals(p.Currency, invoice.Currency, StringComparison.Ordinal))
            {
                return;
            }

            sum += price;
        }

        var tolerance = Math.Max(1m, total * context.InvoiceTolerance);
        if (Math.Abs(sum - total) > tolerance)
        {
            issues.Error("invoice.total-mismatch",
                string.Create(CultureInfo.InvariantCulture, $"The item prices add up to {sum} {invoice.Currency} but the invoice amount is {total} {invoice.Currency}."),
                "/invoiceAmount/amount");
        }
    }
}
