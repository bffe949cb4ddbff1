namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// The WCO IDs that the DMS 3.6 declaration schema (WCO_DEC_2_DMS.xsd, <c>WCOID</c> annotations) gives its
/// classes and data elements. Class IDs are the same wherever a class appears (Address is 04A under every
/// party), and a data element's ID depends only on its class, so the table is keyed by class name.
/// </summary>
internal static class WcoSchemaIds
{
    public sealed record ClassIds(string SectionCode, IReadOnlyDictionary<string, string> Tags);

    public static IReadOnlyDictionary<string, ClassIds> Classes { get; } = new Dictionary<string, ClassIds>(StringComparer.Ordinal)
    {
        ["AdditionalDocument"] = Class("02A", "CategoryCode=D031 ID=D005 TypeCode=D006 EffectiveDateTime=276 Name=D028 LPCOExemptionCode=360"),
        ["AdditionalInformation"] = Class("03A", "StatementCode=226 StatementDescription=225 StatementTypeCode=369"),
        ["Address"] = Class(
            "04A",
            "CityName=241 CountryCode=242 CountrySubDivisionCode=244 CountrySubDivisionName=243 Line=239 " +
            "PostcodeID=245 TypeCode=410"),
        ["AEOMutualRecognitionParty"] = Class("16C", "ID=R143 RoleCode=R005"),
        ["Agent"] = Class("05A", "Name=R003 ID=R004 FunctionCode=102"),
        ["Amendment"] = Class("06A", "ChangeReasonCode=099"),
        ["ArrivalTransportMeans"] = Class("10A", "Name=T001 ID=T002 IdentificationTypeCode=T034 TypeCode=T008 ModeCode=T020"),
        ["Authentication"] = Class("61B", "Authentication=104"),
        ["Authenticator"] = Class("12A", "Name=R007"),
        ["AuthorisationHolder"] = Class("17C", "ID=R144 CategoryCode=R145"),
        ["BorderTransportMeans"] = Class(
            "15A",
            "Name=T005 ID=T006 IdentificationTypeCode=T018 TypeCode=T010 RegistrationNationalityCode=T014 " +
            "ModeCode=T022"),
        ["Buyer"] = Class("16A", "Name=R009 ID=R010"),
        ["Carrier"] = Class("18A", "Name=R011 ID=R012"),
        ["ChargeDeduction"] = Class("58B", "ChargesTypeCode=371 OtherChargeDeductionAmount=181"),
        ["Classification"] = Class("21A", "ID=145"),
        ["Commodity"] = Class("23A", "Description=137"),
        ["Communication"] = Class("25A", "ID=240 TypeCode=253"),
        ["Consignee"] = Class("27A", "Name=R014 ID=R015"),
        ["Consignment"] = Class("28A", "ContainerCode=096"),
        ["ConsignmentItem"] = Class("29A", "SequenceNumeric=006"),
        ["Consignor"] = Class("30A", "Name=R020 ID=R021"),
        ["Contact"] = Class("34A", "Name=246"),
        ["CurrencyExchange"] = Class("40A", "CurrencyTypeCode=135 RateNumeric=118"),
        ["CustomsValuation"] = Class("41A", "FreightChargeAmount=117 MethodCode=122"),
        ["DangerousGoods"] = Class("12C", "UNDGID=506"),
        ["Declarant"] = Class("57B", "Name=R124 ID=R123"),
        ["Declaration"] = Class(
            "42A",
            "AcceptanceDateTime=023 FunctionCode=017 FunctionalReferenceID=D026 ID=D014 IssueDateTime=D011 " +
            "IssueLocationID=D012 TypeCode=D013 GoodsItemQuantity=228 DeclarationOfficeID=065 InvoiceAmount=109 " +
            "LoadingListQuantity=013 TotalGrossMassMeasure=131 TotalPackageQuantity=146 " +
            "SpecificCircumstancesCodeCode=504"),
        ["DepartureTransportMeans"] = Class("46A", "Name=T003 ID=T004 IdentificationTypeCode=T029 TypeCode=T009 ModeCode=T021"),
        ["Destination"] = Class("99B", "CountryCode=465 RegionID=477"),
        ["DomesticDutyTaxParty"] = Class("55B", "ID=R119 RoleCode=R005"),
        ["DutyTaxFee"] = Class(
            "50A",
            "AdValoremTaxBaseAmount=116 DeductAmount=111 DutyRegimeCode=164 SpecificTaxBaseQuantity=129 " +
            "TaxRateNumeric=115 TypeCode=113 QuotaOrderID=401"),
        ["ExitOffice"] = Class("56A", "ID=G005"),
        ["ExportCountry"] = Class("95B", "ID=062"),
        ["Exporter"] = Class("57A", "Name=R031 ID=R032"),
        ["Freight"] = Class("62A", "PaymentMethodCode=098"),
        ["GoodsLocation"] = Class("64A", "Name=L016 ID=L017 TypeCode=L110"),
        ["GoodsMeasure"] = Class("65A", "GrossMassMeasure=126 NetNetWeightMeasure=128 TariffQuantity=130"),
        ["GoodsShipment"] = Class("67A", "ExitDateTime=024 TransactionNatureCode=103"),
        ["GovernmentAgencyGoodsItem"] = Class(
            "68A",
            "CustomsValueAmount=108 SequenceNumeric=006 StatisticalValueAmount=114 TransactionNatureCode=103"),
        ["GovernmentProcedure"] = Class("70A", "CurrentCode=166 PreviousCode=161"),
        ["GuaranteeOffice"] = Class("14C", "ID=G014"),
        ["Importer"] = Class("74A", "Name=R037 ID=R038"),
        ["Invoice"] = Class("78A", "ID=D016 IssueDateTime=D015"),
        ["InvoiceLine"] = Class("79A", "ItemChargeAmount=112"),
        ["Itinerary"] = Class("81A", "SequenceNumeric=006 RoutingCountryCode=064"),
        ["LoadingLocation"] = Class("83A", "Name=L009 ID=L010"),
        ["ObligationGuarantee"] = Class("90A", "AmountAmount=492 ID=D014 ReferenceID=100 SecurityDetailsCode=101 AccessCode=499"),
        ["Origin"] = Class("92A", "CountryCode=063 RegionID=066 TypeCode=501"),
        ["Packaging"] = Class(
            "93A",
            "SequenceNumeric=006 MarksNumbersID=142 QuantityQuantity=144 TypeCode=141 " +
            "PackingMaterialDescription=344 LengthMeasure=367 WidthMeasure=368 HeightMeasure=402 " +
            "VolumeMeasure=395"),
        ["Payer"] = Class("56B", "Name=R120 ID=R121"),
        ["Payment"] = Class("94A", "MethodCode=107 TaxAssessedAmount=120 PaymentAmount=378"),
        ["Pointer"] = Class("97A", "SequenceNumeric=006 DocumentSectionCode=375 TagID=381"),
        ["PresentationOffice"] = Class("15C", "ID=G015"),
        ["PreviousDocument"] = Class("99A", "CategoryCode=D031 ID=D018 TypeCode=D019 LineNumeric=171"),
        ["Seal"] = Class("44B", "SequenceNumeric=006 ID=165"),
        ["Seller"] = Class("09B", "Name=R050 ID=R051"),
        ["Submitter"] = Class("17B", "Name=R058 ID=R059 RoleCode=R005"),
        ["SupervisingOffice"] = Class("97B", "ID=G012"),
        ["Surety"] = Class("19B", "Name=R054 ID=R055"),
        ["TradeTerms"] = Class("22B", "ConditionCode=090 CountryRelationshipCode=106 Description=089 LocationID=L002 LocationName=L001"),
        ["TransportEquipment"] = Class("31B", "SequenceNumeric=006 ID=159"),
        ["UCR"] = Class("35B", "ID=016 TraderAssignedReferenceID=009"),
        ["ValuationAdjustment"] = Class("39B", "AdditionCode=188"),
        ["Warehouse"] = Class("43B", "ID=L019 TypeCode=L112"),
        ["WriteOff"] = Class("22C", "QuantityQuantity=502 AmountAmount=503"),
    };

    /// <summary>Parses "Element=ID Element=ID …": a table of 65 classes reads better this way than as nested initialisers.</summary>
    private static ClassIds Class(string sectionCode, string tags) => new(
        sectionCode,
        tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal));
}
