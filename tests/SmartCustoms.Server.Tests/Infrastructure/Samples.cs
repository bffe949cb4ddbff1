using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCustoms.Server.Tests.Infrastructure;

public static class Samples
{
    public const string ImportSample = "Step1_TT_IM001a.xml";
    public const string ExportSample = "TT_EX001a.xml";
    public const string AggregatedSample = "IMZ_Aggregated_Supplementary_Declaration.xml";

    public static string Xml(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    public static StringContent XmlContent(string xml) => new(xml, Encoding.UTF8, "application/xml");

    /// <summary>A valid import declaration in the canonical JSON shape, with a fresh LRN.</summary>
    public static JsonObject Import(string declarant, string? lrn = null) => new()
    {
        ["type"] = "IMA",
        ["functionCode"] = "9",
        ["lrn"] = lrn ?? "LRN-" + Guid.NewGuid().ToString("N")[..12],
        ["declarationOffice"] = "GB000040",
        ["declarant"] = new JsonObject { ["id"] = declarant },
        ["importer"] = new JsonObject { ["id"] = declarant, ["name"] = "Importer Ltd" },
        ["exporter"] = new JsonObject { ["name"] = "Shenzhen Shavers Co", ["address"] = new JsonObject { ["city"] = "Shenzhen", ["country"] = "CN" } },
        ["exportCountry"] = "CN",
        ["destinationCountry"] = "GB",
        ["goodsItemQuantity"] = 1,
        ["invoiceAmount"] = new JsonObject { ["amount"] = 1000, ["currency"] = "EUR" },
        ["transport"] = new JsonObject
        {
            ["modeAtBorder"] = "1",
            ["borderMeansId"] = "9321483",
            ["borderMeansNationality"] = "PA",
            ["transportDocument"] = new JsonObject { ["type"] = "BL", ["id"] = "MSKU-BL-1" },
            ["containers"] = new JsonArray(new JsonObject { ["id"] = "CSQU3054383", ["seals"] = new JsonArray("S-1") }),
        },
        ["items"] = new JsonArray(new JsonObject
        {
            ["sequence"] = 1,
            ["hsCode"] = "85109000",
            ["description"] = "Parts for electric shavers",
            ["origin"] = "CN",
            ["netMass"] = 100,
            ["grossMass"] = 150,
            ["procedureCode"] = "40",
            ["itemPrice"] = new JsonObject { ["amount"] = 1000, ["currency"] = "EUR" },
        }),
    };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static IEnumerable<string> ErrorPointers(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!);

    public static IEnumerable<string> ErrorCodes(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!);
}
