using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Benchmarks.Exchange;

/// <summary>
/// The export the exchange benchmarks send: the lodging benchmark's four-item declaration as an export from CN to SG,
/// turned into an <c>export-data</c> outbox message by the node's own <see cref="ExportDataOutbox"/>.
/// </summary>
public static class ExchangeSamples
{
    public const string Sender = "CN";
    public const string Receiver = "SG";

    /// <summary>What CN shares with SG: goods, values, transport and containers (the server tests' list, plus descriptions and packages).</summary>
    public static readonly string[] SharedFields =
    [
        "type", "lrn", "exportCountry", "destinationCountry", "goodsLocation", "invoiceAmount",
        "items.hsCode", "items.description", "items.origin", "items.netMass", "items.grossMass", "items.packages", "items.itemPrice",
        "transport.modeAtBorder", "transport.borderMeansId", "transport.borderMeansNationality", "transport.containers", "transport.transportDocument",
    ];

    public static Agreement SenderAgreement() => new()
    {
        WeSend = [MessageTypes.ExportData],
        SharedFields = [.. SharedFields.Where(Domain.Exchange.SharedFields.IsKnown)],
    };

    public static Agreement ReceiverAgreement() => new() { TheySend = [MessageTypes.ExportData] };

    public static Declaration Export()
    {
        var json = SampleDeclarations.Import("BENCH-EXPORT-1");
        json["type"] = "EXD";
        json.Remove("importer");
        json["exporter"] = new JsonObject
        {
            ["id"] = "CN123456789000", ["name"] = "Shenzhen Shavers Co",
            ["address"] = new JsonObject { ["line"] = "8 Secret Road", ["city"] = "Shenzhen", ["country"] = "CN" },
        };
        json["declarant"] = new JsonObject { ["id"] = "CN123456789000" };
        json["exportCountry"] = Sender;
        json["destinationCountry"] = Receiver;
        json["goodsLocation"] = "CNSZX";
        json["declarationOffice"] = "CN000001";
        var document = DeclarationDocument.Read(JsonSerializer.SerializeToUtf8Bytes(json), DeclarationFormat.Json);
        return document.Declaration ?? throw new InvalidOperationException("The sample export does not parse.");
    }

    /// <summary>
    /// <paramref name="count"/> export-data messages for <paramref name="receiver"/>, made as lodging makes them (one
    /// per export, each its own MRN), with the receiver registered at the sender under the sender agreement.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> Messages(PartnerRecord receiver, int count, string runId)
    {
        var options = Options.Create(new SmartCustomsOptions { NodeId = Sender });
        var outbox = new ExportDataOutbox(null!, options);
        var recipients = new ExportDataOutbox.Recipients(OutboxEnvelopes.Allowing([receiver], MessageTypes.ExportData));
        var export = Export();
        var now = DateTimeOffset.UtcNow;
        var messages = new List<OutboxMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var mrn = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"26CN{runId}{i:D8}");
            messages.AddRange(outbox.Messages(recipients, mrn, export, DeclarationStatus.Accepted, now, now));
        }

        return messages;
    }

    /// <summary>A partner row as <c>POST /api/exchange/partners</c> stores it.</summary>
    public static PartnerRecord Partner(NodeCard card, Agreement agreement) =>
        PartnerRecords.From(new PartnerRegistration { Card = card, Agreement = agreement }, "benchmark", DateTimeOffset.UtcNow);
}
