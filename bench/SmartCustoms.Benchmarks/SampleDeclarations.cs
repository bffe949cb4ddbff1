using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCustoms.Benchmarks;

/// <summary>The declarations every benchmark works on, so that the in-process and HTTP figures are comparable.</summary>
public static class SampleDeclarations
{
    public const string Declarant = "GB123456789000";
    public const string WcoImportSample = "Step1_TT_IM001a.xml";

    /// <summary>The declarant of the WCO DMS import sample (DE 3/18), whose trader key lodges it.</summary>
    public const string WcoDeclarant = "GB603202734852";

    /// <summary>The sample's LRN (DE 2/5, <c>FunctionalReferenceID</c>), replaced per request.</summary>
    private const string WcoLrn = "7847767E1WB6";

    // Four items across tariff lines with different bases, so that validation and duty assessment do real work
    // per item; a single-item declaration would flatter the per-declaration cost.
    private static readonly (string Hs, string Description, string Origin, decimal Price)[] Items =
    [
        ("85109000", "Parts for electric shavers", "CN", 1000m),
        ("61091000", "T-shirts of cotton, knitted", "BD", 2400m),
        ("64039900", "Footwear with leather uppers", "VN", 3150m),
        ("39269097", "Articles of plastics, other", "CN", 450m),
    ];

    /// <summary>A valid import declaration in the canonical JSON shape (the server tests' sample, grown to four items).</summary>
    public static JsonObject Import(string lrn)
    {
        var items = new JsonArray();
        for (var i = 0; i < Items.Length; i++)
        {
            var (hs, description, origin, price) = Items[i];
            items.Add(new JsonObject
            {
                ["sequence"] = i + 1,
                ["hsCode"] = hs,
                ["description"] = description,
                ["origin"] = origin,
                ["netMass"] = 100 + (i * 25),
                ["grossMass"] = 150 + (i * 25),
                ["procedureCode"] = "40",
                ["packages"] = new JsonArray(new JsonObject { ["type"] = "CT", ["quantity"] = 10 + i, ["marks"] = "SC-" + (i + 1) }),
                ["itemPrice"] = new JsonObject { ["amount"] = price, ["currency"] = "EUR" },
            });
        }

        return new JsonObject
        {
            ["type"] = "IMA",
            ["functionCode"] = "9",
            ["lrn"] = lrn,
            ["declarationOffice"] = "GB000040",
            ["declarant"] = new JsonObject { ["id"] = Declarant },
            ["importer"] = new JsonObject { ["id"] = Declarant, ["name"] = "Importer Ltd" },
            ["exporter"] = new JsonObject { ["name"] = "Shenzhen Shavers Co", ["address"] = new JsonObject { ["city"] = "Shenzhen", ["country"] = "CN" } },
            ["exportCountry"] = "CN",
            ["destinationCountry"] = "GB",
            ["goodsLocation"] = "GBFXT",
            ["goodsItemQuantity"] = Items.Length,
            ["invoiceAmount"] = new JsonObject { ["amount"] = Items.Sum(i => i.Price), ["currency"] = "EUR" },
            ["transport"] = new JsonObject
            {
                ["modeAtBorder"] = "1",
                ["borderMeansId"] = "9321483",
                ["borderMeansNationality"] = "PA",
                ["transportDocument"] = new JsonObject { ["type"] = "BL", ["id"] = "MSKU-BL-1" },
                ["containers"] = new JsonArray(new JsonObject { ["id"] = "CSQU3054383", ["seals"] = new JsonArray("S-1") }),
            },
            ["items"] = items,
        };
    }

    public static byte[] ImportJson(string lrn) => JsonSerializer.SerializeToUtf8Bytes(Import(lrn));

    public static byte[] WcoXml() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", WcoImportSample));

    /// <summary>
    /// A body split around its LRN: a load generator sharing two cores with the node must not spend them
    /// serialising, so each request is three copies. JSON (the four-item declaration above) or the 17 KB WCO DMS
    /// import sample as sent, its <c>FunctionalReferenceID</c> replaced.
    /// </summary>
    public sealed class Template
    {
        private const string Marker = "@@LRN@@";
        private readonly byte[] _prefix;
        private readonly byte[] _suffix;

        public Template(bool xml = false)
        {
            Xml = xml;
            var (body, marker) = xml ? (WcoXml(), "<FunctionalReferenceID>" + WcoLrn + "<") : (ImportJson(Marker), Marker);
            var at = body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
            if (at < 0 || body.AsSpan(at + 1).IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0)
            {
                throw new InvalidOperationException($"The sample must hold its LRN marker '{marker}' exactly once.");
            }

            var lrnAt = xml ? at + "<FunctionalReferenceID>".Length : at;
            var lrnLength = xml ? WcoLrn.Length : Marker.Length;
            _prefix = body[..lrnAt];
            _suffix = body[(lrnAt + lrnLength)..];
        }

        /// <summary>True for the WCO XML sample (sent as application/xml), false for JSON.</summary>
        public bool Xml { get; }

        /// <summary>The party whose trader key may lodge this body.</summary>
        public string Declarant => Xml ? WcoDeclarant : SampleDeclarations.Declarant;

        public string MediaType => Xml ? "application/xml" : "application/json";

        public byte[] Body(string lrn)
        {
            var body = new byte[_prefix.Length + Encoding.UTF8.GetByteCount(lrn) + _suffix.Length];
            _prefix.CopyTo(body, 0);
            var written = Encoding.UTF8.GetBytes(lrn, body.AsSpan(_prefix.Length));
            _suffix.CopyTo(body, _prefix.Length + written);
            return body;
        }
    }
}
