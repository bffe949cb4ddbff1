using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Cli.Hosting;
using Spectre.Console;

namespace SmartCustoms.Cli.Demo;

/// <summary>
/// <c>demo c2c</c>: two nodes, CN and SG, started on loopback and paired under an agreement; CN lodges two exports to SG
/// (one it then inspects and seals), SG lodges the matching imports, one undervalued; the tool prints what SG decided and why.
/// </summary>
internal static class DemoCommand
{
    private const string Exporter = "CN9131000071092841X";
    private const string Importer = "SG201912345K";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] AffixedSeals = ["CNSEAL-778899"];

    public static Command Create(CliConsole console)
    {
        var keep = new Option<bool>("--keep") { Description = "Leave both nodes' data folders in place afterwards (the path is printed)" };
        var c2c = new Command("c2c", "Two nodes (CN, SG) on 127.0.0.1 exchange export data and a control result; SG's risk engine uses them") { keep };
        c2c.SetAction(async (parsed, cancellationToken) =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "smartcustoms-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            try
            {
                await RunAsync(console, folder, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (DemoException ex)
            {
                await console.FailAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            finally
            {
                if (parsed.GetValue(keep))
                {
                    await console.Out.WriteLineAsync($"Data folders kept in {folder}").ConfigureAwait(false);
                }
                else
                {
                    TryDelete(folder);
                }
            }
        });
        return new Command("demo", "Demonstrations that run on this machine alone") { c2c };
    }

    private static async Task RunAsync(CliConsole console, string folder, CancellationToken cancellationToken)
    {
        var say = console.Out;
        await say.WriteLineAsync("Starting two nodes on 127.0.0.1: CN (exporting) and SG (importing), each with its own embedded database...").ConfigureAwait(false);
        Directory.CreateDirectory(Path.Combine(folder, "cn"));
        Directory.CreateDirectory(Path.Combine(folder, "sg"));
        await using var cn = await DemoNode.StartAsync("CN", Path.Combine(folder, "cn"), cancellationToken).ConfigureAwait(false);
        await using var sg = await DemoNode.StartAsync("SG", Path.Combine(folder, "sg"), cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"  CN at {cn.BaseAddress}, SG at {sg.BaseAddress}").ConfigureAwait(false);

        await PairAsync(cn, sg, cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync("Paired: CN sends export data (goods, values, containers; no addresses) and control results; SG recognises CN's controls for its red and yellow lanes.").ConfigureAwait(false);

        using (var analyst = await sg.KeyAsync("analyst", null, cancellationToken).ConfigureAwait(false))
        {
            await DemoNode.ReadAsync(await analyst.PostAsJsonAsync("/api/risk/criteria", JsonNode.Parse(ShaverPartsCriterion), cancellationToken).ConfigureAwait(false),
                "save SG's criterion", cancellationToken).ConfigureAwait(false);
        }

        await say.WriteLineAsync("SG's analyst has a criterion: shaver parts (HS 8510) are examined (red lane) unless something says otherwise.").ConfigureAwait(false);

        using var exporter = await cn.KeyAsync("trader", Exporter, cancellationToken).ConfigureAwait(false);
        using var cnOfficer = await cn.KeyAsync("officer", null, cancellationToken).ConfigureAwait(false);
        var first = await LodgeAsync(exporter, Export("EXP-2026-0001", "MSCU1234566", "CN-SEAL-1001", 10_000m), "lodge CN's first export", cancellationToken).ConfigureAwait(false);
        var second = await LodgeAsync(exporter, Export("EXP-2026-0002", "CSQU3054383", "CN-SEAL-2001", 8_000m), "lodge CN's second export", cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"CN: exports {first} (container MSCU1234566, 10,000.00 USD) and {second} (container CSQU3054383, 8,000.00 USD) lodged.").ConfigureAwait(false);

        // CN's random sample may already have put the export in the red lane; then there is nothing to re-route.
        var reroute = await cnOfficer.PostAsJsonAsync($"/api/declarations/{second}/reroute",
            new { lane = "red", reason = "Pre-shipment examination before sealing" }, cancellationToken).ConfigureAwait(false);
        var current = await cnOfficer.GetFromJsonAsync<JsonElement>($"/api/declarations/{second}", cancellationToken).ConfigureAwait(false);
        if (!(reroute.StatusCode == System.Net.HttpStatusCode.Conflict && current.TryGetProperty("risk", out var cnRisk)
            && cnRisk.TryGetProperty("lane", out var cnLane) && string.Equals(cnLane.GetString(), "red", StringComparison.OrdinalIgnoreCase)))
        {
            await DemoNode.ReadAsync(reroute, "select CN's second export for control", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            reroute.Dispose();
        }
        await DemoNode.ReadAsync(await cnOfficer.PostAsJsonAsync($"/api/declarations/{second}/inspection-result",
            new { findings = false, notes = "Goods as declared.", seals = new[] { new { container = "CSQU3054383", seals = AffixedSeals } } },
            cancellationToken).ConfigureAwait(false), "record CN's inspection", cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"CN: officer examined {second}, no findings, sealed CSQU3054383 with CNSEAL-778899.").ConfigureAwait(false);

        var messages = await DeliveredAsync(cn, 3, cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("message", "type", "to", "status", "attempts");
        foreach (var message in messages.OrderBy(m => m.GetProperty("createdAt").GetDateTimeOffset()))
        {
            table.AddRow(
                Markup.Escape(message.GetProperty("id").GetString()!), message.GetProperty("type").GetString()!, message.GetProperty("partner").GetString()!,
                message.GetProperty("status").GetString()!, message.GetProperty("attempts").GetInt32().ToString(CultureInfo.InvariantCulture));
        }

        await say.WriteLineAsync("Signed messages CN → SG (each delivered on SG's signed receipt):").ConfigureAwait(false);
        console.Ansi.Write(table);

        using var importer = await sg.KeyAsync("trader", Importer, cancellationToken).ConfigureAwait(false);
        using var sgOfficer = await sg.KeyAsync("officer", null, cancellationToken).ConfigureAwait(false);
        var undervalued = await LodgeAsync(importer, Import("IMP-2026-0001", "MSCU1234566", "CN-SEAL-1001", 5_900m), "lodge SG's first import", cancellationToken).ConfigureAwait(false);
        var sealedImport = await LodgeAsync(importer, Import("IMP-2026-0002", "CSQU3054383", "CNSEAL-778899", 8_000m), "lodge SG's second import", cancellationToken).ConfigureAwait(false);
        await say.WriteLineAsync($"SG: imports {undervalued} (MSCU1234566, declared 5,900.00 USD) and {sealedImport} (CSQU3054383, seal CNSEAL-778899, 8,000.00 USD) lodged.").ConfigureAwait(false);

        foreach (var (mrn, title) in new[] { (undervalued, "Import 1: the undervalued consignment"), (sealedImport, "Import 2: the consignment CN examined and sealed") })
        {
            var risk = (await DemoNode.ReadAsync(await sgOfficer.GetAsync(new Uri($"/api/declarations/{mrn}", UriKind.Relative), cancellationToken).ConfigureAwait(false),
                "read SG's decision", cancellationToken).ConfigureAwait(false)).GetProperty("risk");
            var lane = risk.GetProperty("lane").GetString()!;
            await say.WriteLineAsync().ConfigureAwait(false);
            await say.WriteLineAsync($"{title} — {mrn}: {lane.ToUpperInvariant()} lane").ConfigureAwait(false);
            foreach (var reason in risk.GetProperty("explanation").GetProperty("reasons").EnumerateArray())
            {
                await say.WriteLineAsync("  - " + reason.GetString()).ConfigureAwait(false);
            }
        }
    }

    private static async Task PairAsync(DemoNode cn, DemoNode sg, CancellationToken cancellationToken)
    {
        var cnCard = await DemoNode.ReadAsync(await cn.Admin.GetAsync(new Uri("/api/exchange/node-card", UriKind.Relative), cancellationToken).ConfigureAwait(false), "read CN's node card", cancellationToken).ConfigureAwait(false);
        var sgCard = await DemoNode.ReadAsync(await sg.Admin.GetAsync(new Uri("/api/exchange/node-card", UriKind.Relative), cancellationToken).ConfigureAwait(false), "read SG's node card", cancellationToken).ConfigureAwait(false);
        var atCn = new JsonObject
        {
            ["card"] = JsonNode.Parse(sgCard.GetRawText()),
            ["agreement"] = new JsonObject
            {
                ["weSend"] = new JsonArray("export-data", "control-result"),
                ["theySend"] = new JsonArray(),
                ["sharedFields"] = new JsonArray("type", "lrn", "exportCountry", "destinationCountry", "invoiceAmount", "exporter.id", "items.sequence",
                    "items.hsCode", "items.description", "items.origin", "items.netMass", "items.quantity", "items.quantityUnit", "items.itemPrice",
                    "transport.containers", "transport.transportDocument"),
            },
        };
        var atSg = new JsonObject
        {
            ["card"] = JsonNode.Parse(cnCard.GetRawText()),
            ["agreement"] = new JsonObject
            {
                ["weSend"] = new JsonArray(),
                ["theySend"] = new JsonArray("export-data", "control-result"),
                ["controlResults"] = new JsonObject { ["recognised"] = true, ["lanes"] = new JsonArray("red", "yellow") },
            },
        };
        await DemoNode.ReadAsync(await cn.Admin.PostAsJsonAsync("/api/exchange/partners", atCn, cancellationToken).ConfigureAwait(false), "register SG at CN", cancellationToken).ConfigureAwait(false);
        await DemoNode.ReadAsync(await sg.Admin.PostAsJsonAsync("/api/exchange/partners", atSg, cancellationToken).ConfigureAwait(false), "register CN at SG", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> LodgeAsync(HttpClient trader, JsonObject declaration, string what, CancellationToken cancellationToken) =>
        (await DemoNode.ReadAsync(await trader.PostAsJsonAsync("/api/declarations", declaration, cancellationToken).ConfigureAwait(false), what, cancellationToken)
            .ConfigureAwait(false)).GetProperty("mrn").GetString()!;

    /// <summary>Waits until CN's outbox holds <paramref name="count"/> messages, all delivered.</summary>
    private static async Task<JsonElement[]> DeliveredAsync(DemoNode cn, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (true)
        {
            var messages = await DemoNode.ReadAsync(await cn.Admin.GetAsync(new Uri("/api/exchange/messages?direction=out", UriKind.Relative), cancellationToken).ConfigureAwait(false),
                "read CN's messages", cancellationToken).ConfigureAwait(false);
            var all = messages.EnumerateArray().ToArray();
            if (all.Length >= count && all.All(m => m.GetProperty("status").GetString() == "delivered"))
            {
                return all;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new DemoException($"CN's messages were not all delivered to SG within {DeliveryTimeout.TotalSeconds:0} s: {messages}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private const string ShaverPartsCriterion = """
        {"id":"shaver-parts-examined","name":"Shaver parts are examined","weight":10,"minimumLane":"red",
         "when":{"field":"hsCode","op":"startsWith","value":"8510"}}
        """;

    private static JsonObject Export(string lrn, string container, string seal, decimal value) => Declaration(
        "EXD", lrn, "CNSHA001", Exporter, exporter: Exporter, importer: null, "CN", "SG", container, seal, value);

    private static JsonObject Import(string lrn, string container, string seal, decimal value) => Declaration(
        "IMA", lrn, "SGSIN001", Importer, exporter: Exporter, importer: Importer, "CN", "SG", container, seal, value);

    private static JsonObject Declaration(
        string type, string lrn, string office, string declarant, string exporter, string? importer, string from, string to, string container, string seal, decimal value)
    {
        var declaration = new JsonObject
        {
            ["type"] = type,
            ["functionCode"] = "9",
            ["lrn"] = lrn,
            ["declarationOffice"] = office,
            ["declarant"] = new JsonObject { ["id"] = declarant },
            ["exporter"] = new JsonObject { ["id"] = exporter, ["name"] = "Shenzhen Shavers Co", ["address"] = new JsonObject { ["city"] = "Shenzhen", ["country"] = "CN" } },
            ["exportCountry"] = from,
            ["destinationCountry"] = to,
            ["goodsItemQuantity"] = 1,
            ["invoiceAmount"] = new JsonObject { ["amount"] = value, ["currency"] = "USD" },
            ["transport"] = new JsonObject
            {
                ["modeAtBorder"] = "1",
                ["borderMeansId"] = "9321483",
                ["borderMeansNationality"] = "PA",
                ["transportDocument"] = new JsonObject { ["type"] = "BL", ["id"] = "BL-" + container },
                ["containers"] = new JsonArray(new JsonObject { ["id"] = container, ["seals"] = new JsonArray(seal) }),
            },
            ["items"] = new JsonArray(new JsonObject
            {
                ["sequence"] = 1,
                ["hsCode"] = "85109000",
                ["description"] = "Parts of electric shavers",
                ["origin"] = "CN",
                ["netMass"] = 2000,
                ["grossMass"] = 2300,
                ["quantity"] = 50000,
                ["quantityUnit"] = "PCE",
                ["procedureCode"] = type == "EXD" ? "10" : "40",
                ["itemPrice"] = new JsonObject { ["amount"] = value, ["currency"] = "USD" },
            }),
        };
        if (importer is not null)
        {
            declaration["importer"] = new JsonObject { ["id"] = importer, ["name"] = "Lion City Grooming Pte Ltd" };
        }

        return declaration;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A node still closing its files: the temporary folder is left for the system to clear.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
