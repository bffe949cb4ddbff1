using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Targeting.Tests;

public sealed class TargetingRecordTests
{
    private static readonly Declaration Import = new()
    {
        Type = "IMA",
        DeclarationOffice = "NL000396",
        Declarant = new Party { Id = "NL-DECL-1" },
        Importer = new Party { Id = "NL-IMP-9" },
        Exporter = new Party { Id = "CN-EXP-3" },
        Carrier = new Party { Id = "CARRIER-7" },
        ExportCountry = "HK",
        ExchangeRate = 2m,
        Transport = new Transport { ModeAtBorder = "1" },
        Items =
        [
            new GoodsItem { Sequence = 1, HsCode = "6109.10.00", Origin = "BD", NetMass = 50m, ItemPrice = new Money { Amount = 400m, Currency = "USD" }, ProcedureCode = "40" },
            new GoodsItem { Sequence = 2, HsCode = "8517130000", Origin = "CN", NetMass = 3m, ItemPrice = new Money { Amount = 900m, Currency = "USD" }, ProcedureCode = "42" },
        ],
    };

    [Fact]
    public void WithoutDutiesTheMainItemIsTheOneOfHighestInvoicedValueInNationalCurrency()
    {
        var record = TargetingRecord.From(Import, duties: null);

        Assert.Equal(("NL000396", "IMA", "42", "1"), (record.Office, record.ImportType, record.ImportUse, record.TransportMode));
        Assert.Equal(("NL-DECL-1", "NL-IMP-9", "CN-EXP-3", "CARRIER-7"), (record.DeclarantId, record.ImporterId, record.SellerId, record.CourierId));
        Assert.Equal(("851713", "HK", "CN"), (record.Hs6, record.DepartureCountry, record.OriginCountry));
        Assert.Equal((3.0, 1800.0, 0.0), (record.NetMass, record.ItemPrice, record.TaxRate));
        Assert.Equal(("", "", "", ""), (record.ProcessType, record.PaymentType, record.OriginIndicator, record.TaxType));
    }

    [Fact]
    public void WithDutiesTheAssessedValueChoosesTheItemAndGivesItsRate()
    {
        var duties = new DutyAssessment
        {
            Currency = "EUR", TariffDate = new DateOnly(2026, 3, 2), TariffName = "test", ExchangeRate = 2m,
            TotalCustomsValue = 3000m, TotalDuty = 240m, TotalVat = 0m, DeMinimisApplied = false,
            Items =
            [
                Duty(1, "6109100000", 2000m, DutyBasis.AdValorem, 12m, 240m),
                Duty(2, "8517130000", 1000m, DutyBasis.PerKilogram, 5m, 15m),
            ],
        };

        var record = TargetingRecord.From(Import, duties);

        Assert.Equal(("610910", "BD", 50.0, 2000.0), (record.Hs6, record.OriginCountry, record.NetMass, record.ItemPrice));
        Assert.Equal((12.0, "AdValorem"), (record.TaxRate, record.TaxType));

        var specific = TargetingRecord.From(Import, duties with { Items = [duties.Items[1]] });
        Assert.Equal(("851713", 1.5), (specific.Hs6, specific.TaxRate)); // 15 duty on 1000 value
    }

    [Fact]
    public void AnEmptyDeclarationGivesAnEmptyRecordThatScoresAsUnseen()
    {
        var record = TargetingRecord.From(new Declaration(), null);

        Assert.Equal(new TargetingRecord(), record);
    }

    private static ItemDuty Duty(int sequence, string hs, decimal value, DutyBasis basis, decimal rate, decimal duty) => new()
    {
        Sequence = sequence, HsCode = hs, CustomsValue = value, TariffLine = hs[..4], DutyBasis = basis, DutyRate = rate,
        Duty = duty, VatBase = value + duty, VatRate = 0m, Vat = 0m,
    };
}
