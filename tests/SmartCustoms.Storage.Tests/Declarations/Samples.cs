using System.Globalization;
using System.Text.Json;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Storage.Tests.Declarations;

internal static class Samples
{
    /// <summary>Has ticks below a microsecond and an offset, both of which the stores normalise away.</summary>
    public static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 1, 13, 30, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);

    public static string Mrn(long number) => string.Create(CultureInfo.InvariantCulture, $"25GB{number:D14}");

    /// <summary>The instant a store keeps: UTC, whole microseconds.</summary>
    public static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    public static Declaration Declaration(string lrn, int goodsItemQuantity = 1) => new()
    {
        Type = "IMA",
        FunctionCode = "9",
        Lrn = lrn,
        DeclarationOffice = "GB000084",
        IssueDateTime = new DateTimeOffset(2025, 2, 28, 9, 15, 0, TimeSpan.FromHours(-5)),
        Declarant = new Party { Id = "GB123456789000", Name = "Acme Imports Ltd", Address = new Address { Line = "1 Dock Road", City = "Felixstowe", Postcode = "IP11 3SY", Country = "GB" } },
        Exporter = new Party { Id = "CN9876543210", Name = "Shenzhen Widgets Co" },
        Agent = new Party { Id = "GB555555555000", FunctionCode = "2" },
        AuthorisationHolders = [new AuthorisationHolder { Id = "GB123456789000", Category = "CGU" }],
        ExportCountry = "CN",
        DestinationCountry = "GB",
        RoutingCountries = ["CN", "SG", "NL"],
        GoodsLocation = "GBFXT",
        Transport = new Transport
        {
            ModeAtBorder = "1",
            BorderMeansId = "9321483",
            BorderMeansIdType = "10",
            Containerised = true,
            TransportDocument = new DocumentReference { Category = "Z", Type = "705", Id = "MAEU123456789" },
            Containers = [new Container { Sequence = 1, Id = "MSCU1234565", Seals = ["SEAL001", "SEAL002"] }],
        },
        GoodsItemQuantity = goodsItemQuantity,
        TotalPackageQuantity = 40,
        TotalGrossMass = 1250.500m,
        InvoiceAmount = new Money { Amount = 18_250.75m, Currency = "USD" },
        ExchangeRate = 0.7912m,
        TradeTermsCode = "FOB",
        TradeTermsLocation = "CNSZX",
        Items =
        [
            new GoodsItem
            {
                Sequence = 1,
                HsCode = "8471300000",
                Description = "Laptop computers",
                Origin = "CN",
                NetMass = 1100.25m,
                GrossMass = 1250.500m,
                Quantity = 200,
                QuantityUnit = "NAR",
                Packages = [new Package { Type = "CT", Quantity = 40, Marks = "ACME 1-40" }],
                ProcedureCode = "40",
                PreviousProcedureCode = "00",
                AdditionalProcedureCodes = ["000"],
                ItemPrice = new Money { Amount = 18_250.75m, Currency = "USD" },
                ValuationMethod = "1",
                ValuationAdjustments = [new ValuationAdjustment { Code = "AK", Amount = new Money { Amount = 350m, Currency = "USD" } }],
                AdditionalDocuments = [new DocumentReference { Category = "N", Type = "935", Id = "INV-2025-0042", Line = 1 }],
            },
        ],
        PreviousDocuments = [new DocumentReference { Category = "Z", Type = "355", Id = "ENS-42" }],
    };

    public static DutyAssessment Assessment() => new()
    {
        Currency = "GBP",
        TariffDate = new DateOnly(2025, 3, 1),
        TariffName = "UK Global Tariff 2025",
        ExchangeRate = 0.7912m,
        TotalCustomsValue = 14_716.43m,
        TotalDuty = 0m,
        TotalVat = 2_943.29m,
        DeMinimisApplied = false,
        Items =
        [
            new ItemDuty
            {
                Sequence = 1, HsCode = "8471300000", CustomsValue = 14_716.43m, TariffLine = "847130", DutyBasis = DutyBasis.AdValorem,
                DutyRate = 0m, Duty = 0m, VatBase = 14_716.43m, VatRate = 20m, Vat = 2_943.29m,
            },
        ],
    };

    public static LodgeRequest Lodge(string declarantId, string lrn, Declaration? declaration = null, DateTimeOffset? at = null)
    {
        var content = declaration ?? Declaration(lrn);
        var acceptedAt = at ?? At;
        return new LodgeRequest
        {
            DeclarantId = declarantId,
            Lrn = lrn,
            ContentHash = DeclarationJson.ContentHash(content),
            Declaration = content,
            Status = DeclarationStatus.Accepted,
            Assessment = Assessment(),
            Warnings = [Issue.Warning("W-MASS", "Gross mass is low for the goods", "/items/0/grossMass")],
            AcceptedAt = acceptedAt,
            MrnFactory = Mrn,
            Notifications = [new NewNotification(NotificationKind.Accepted, """{"kind":"DMSACC","lrn":"L"}""", acceptedAt)],
        };
    }

    public static string Json(Declaration declaration) => DeclarationJson.Serialize(declaration);

    public static string Json(DutyAssessment? assessment) => JsonSerializer.Serialize(assessment, DeclarationJson.Options);
}
