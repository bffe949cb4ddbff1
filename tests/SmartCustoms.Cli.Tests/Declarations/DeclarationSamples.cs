namespace SmartCustoms.Cli.Tests.Declarations;

public static class DeclarationSamples
{
    /// <summary>Hair clippers from China for free circulation: valid against the reference data and the demo tariff.</summary>
    public const string ValidImportJson = """
        {
          "type": "IMA",
          "functionCode": "9",
          "lrn": "CLI-TEST-0001",
          "declarant": { "id": "GB553202734852", "name": "Example Imports Ltd" },
          "importer": { "id": "GB553202734852", "name": "Example Imports Ltd" },
          "exporter": { "name": "Shenzhen Example Co", "address": { "city": "Shenzhen", "country": "CN" } },
          "exportCountry": "CN",
          "goodsItemQuantity": 1,
          "invoiceAmount": { "amount": 1000, "currency": "EUR" },
          "items": [
            {
              "sequence": 1,
              "hsCode": "851090",
              "description": "Parts for electric shavers and hair clippers",
              "origin": "CN",
              "netMass": 10,
              "grossMass": 12,
              "procedureCode": "40",
              "itemPrice": { "amount": 1000, "currency": "EUR" }
            }
          ]
        }
        """;

    /// <summary>The same declaration with a commodity code that is no HS 2022 subheading.</summary>
    public static string UnknownHsCodeJson => ValidImportJson.Replace("\"851090\"", "\"999999\"", StringComparison.Ordinal);

    public static string WcoImportXmlPath => Path.Combine(AppContext.BaseDirectory, "Samples", "Step1_TT_IM001a.xml");
}
