using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Tests.Tariffs;
using SmartCustoms.Domain.Tests.Validation;

namespace SmartCustoms.Domain.Tests.Declarations;

public class DeclarationCheckTests
{
    [Theory]
    [InlineData("EXD")]
    [InlineData("COA")]
    public void AcceptsButDoesNotAssessADeclarationThatIsNotAnImport(string type)
    {
        var result = DeclarationCheck.Run(ValidDeclarations.Export() with { Type = type }, ValidDeclarations.Context, TestTariff.Schedule);

        Assert.True(result.IsAccepted);
        Assert.Null(result.Assessment);
    }

    /// <summary>
    /// 2000 USD laptops (8471, 0%) and 1000 USD T-shirts (default 5%) at 0.92 on 2 March 2026: values 1840 and 920,
    /// duty 0 + 46, VAT 20% of 1840 = 368 and of 966 = 193.20.
    /// </summary>
    [Fact]
    public void AssessesAValidImportOnTheDayOfTheCheck()
    {
        var result = DeclarationCheck.Run(ValidDeclarations.Import(), ValidDeclarations.Context, TestTariff.Schedule);

        Assert.True(result.IsAccepted);
        var assessment = Assert.IsType<DutyAssessment>(result.Assessment);
        Assert.Equal(TestTariff.Today, assessment.TariffDate);
        Assert.Equal((2760m, 46m, 561.20m), (assessment.TotalCustomsValue, assessment.TotalDuty, assessment.TotalVat));
    }

    [Fact]
    public void StopsAtValidationErrorsBeforeAssessing()
    {
        var result = DeclarationCheck.Run(ValidDeclarations.Import() with { Lrn = null }, ValidDeclarations.Context, TestTariff.Schedule);

        Assert.False(result.IsAccepted);
        Assert.Equal([("required", "/lrn")], result.Errors.Codes());
        Assert.Null(result.Assessment);
    }

    [Fact]
    public void RefusesAnImportWhoseCurrencyCannotBeConverted()
    {
        var import = ValidDeclarations.Import().WithFirstItem(i => i with { ItemPrice = new Money { Amount = 300_000m, Currency = "JPY" } });

        var result = DeclarationCheck.Run(import, ValidDeclarations.Context, TestTariff.Schedule);

        Assert.False(result.IsAccepted);
        Assert.Equal([("currency.no-exchange-rate", "/items/0/itemPrice/currency")], result.Errors.Codes());
        Assert.Null(result.Assessment);
    }

    [Fact]
    public void CarriesValidationWarningsAlongWithTheAssessment()
    {
        var import = ValidDeclarations.Import().WithTransport(t => t with { Containers = [new Container { Id = "MSCU6639871" }] });

        var result = DeclarationCheck.Run(import, ValidDeclarations.Context, TestTariff.Schedule);

        Assert.True(result.IsAccepted);
        Assert.NotNull(result.Assessment);
        Assert.Equal([("container.check-digit", "/transport/containers/0/id")], result.Warnings.Codes());
    }
}
