using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Validation;

/// <summary>The valid import's items are priced 2000 + 1000 = 3000 USD.</summary>
public class InvoiceRuleTests
{
    [Theory]
    [InlineData("3030")]
    [InlineData("2970.3")]
    public void AcceptsInvoiceWithinOnePercentOfTheItemPrices(string invoice) =>
        Invoice(decimal.Parse(invoice, System.Globalization.CultureInfo.InvariantCulture)).Validate().AssertClean();

    [Theory]
    [InlineData("3030.31")]
    [InlineData("2970")]
    public void RejectsInvoiceMoreThanOnePercentAwayFromTheItemPrices(string invoice) =>
        Invoice(decimal.Parse(invoice, System.Globalization.CultureInfo.InvariantCulture)).Validate()
            .AssertOnlyError("invoice.total-mismatch", "/invoiceAmount/amount");

    [Fact]
    public void AcceptsSmallInvoiceOneUnitAwayFromItsItems() =>
        SmallInvoice(51m).Validate().AssertClean();

    [Fact]
    public void RejectsSmallInvoiceMoreThanOneUnitAwayFromItsItems() =>
        SmallInvoice(51.01m).Validate().AssertOnlyError("invoice.total-mismatch", "/invoiceAmount/amount");

    [Fact]
    public void UsesTheToleranceOfTheContext() =>
        Invoice(3030m).Validate(ValidDeclarations.Context with { InvoiceTolerance = 0.001m })
            .AssertOnlyError("invoice.total-mismatch", "/invoiceAmount/amount");

    [Fact]
    public void DoesNotCompareInvoiceWithItemsPricedInAnotherCurrency() =>
        (ValidDeclarations.Import() with { InvoiceAmount = new Money { Amount = 99_999m, Currency = "EUR" } }).Validate().AssertClean();

    [Fact]
    public void DoesNotCompareInvoiceWhenOneItemIsInAnotherCurrency() =>
        Invoice(99_999m).WithFirstItem(i => i with { ItemPrice = new Money { Amount = 1800m, Currency = "EUR" } }).Validate().AssertClean();

    private static Declaration Invoice(decimal amount) =>
        ValidDeclarations.Import() with { InvoiceAmount = ValidDeclarations.Usd(amount) };

    /// <summary>Items of 30 + 20 = 50 USD: 1% would be 0.51, so the one-unit floor applies.</summary>
    private static Declaration SmallInvoice(decimal amount)
    {
        var import = ValidDeclarations.Import();
        return import with
        {
            InvoiceAmount = ValidDeclarations.Usd(amount),
            Items = [import.Items[0] with { ItemPrice = ValidDeclarations.Usd(30m) }, import.Items[1] with { ItemPrice = ValidDeclarations.Usd(20m) }],
        };
    }
}
