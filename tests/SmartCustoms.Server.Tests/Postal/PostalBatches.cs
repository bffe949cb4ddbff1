using System.Text;
using System.Text.Json.Nodes;

namespace SmartCustoms.Server.Tests.Postal;

/// <summary>Batches as a post sends them: sales of goods from a Chinese seller to a French buyer, and variants of them.</summary>
public static class PostalBatches
{
    public static JsonObject Item(string itemId, decimal value = 24.90m, string description = "Bluetooth over-ear headphones", string recipient = "Émilie Durand",
        string address = "5 rue de la Paix") => new()
    {
        ["itemId"] = itemId,
        ["category"] = "saleOfGoods",
        ["sender"] = new JsonObject { ["name"] = "Shenzhen Gadget Co., Ltd", ["address"] = "88 Keyuan Road", ["city"] = "Shenzhen", ["country"] = "CN" },
        ["recipient"] = new JsonObject { ["name"] = recipient, ["address"] = address, ["postcode"] = "75002", ["city"] = "Paris", ["country"] = "FR" },
        ["contents"] = new JsonArray(new JsonObject
        {
            ["description"] = description, ["hsCode"] = "851830", ["quantity"] = 1, ["netMass"] = 0.25m, ["value"] = value, ["currency"] = "EUR", ["origin"] = "CN",
        }),
        ["currency"] = "EUR",
        ["totalValue"] = value,
        ["postage"] = 3.5m,
        ["departureOffice"] = "CNSZX",
        ["arrivalOffice"] = "FRCDG",
    };

    public static JsonObject Batch(string messageId, params JsonObject[] items) => new()
    {
        ["messageId"] = messageId,
        ["items"] = new JsonArray([.. items]),
    };

    public static StringContent Json(JsonNode batch) => new(batch.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Valid S10 ids with the issuing post GB: serial n, its check digit.</summary>
    public static string S10(int serial)
    {
        var digits = serial.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return "RR" + digits + Domain.ReferenceData.PostalItemId.ComputeCheckDigit(digits) + "GB";
    }
}
