using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Server.Tests.Exchange;

/// <summary>A partner's control result is read whole, with its match keys, or refused before anything is stored.</summary>
public sealed class ControlResultPayloadTests
{
    private static JsonObject Payload() => new()
    {
        ["mrn"] = "26CN000000000002E1",
        ["lrn"] = " exp-2026-0002 ",
        ["office"] = "CNSHA001",
        ["inspectedAt"] = "2026-11-20T09:30:00Z",
        ["lane"] = "red",
        ["findings"] = false,
        ["containers"] = new JsonArray(new JsonObject { ["container"] = "csqu3054383", ["seals"] = new JsonArray("CNSEAL-1") }),
        ["transportDocument"] = "BL-1",
    };

    private static Outcome<InboxEffects> Read(JsonObject payload) => Read(JsonSerializer.SerializeToElement(payload));

    private static Outcome<InboxEffects> Read(JsonElement payload) => InboxPayloads.Read(new MessageEnvelope
    {
        Id = "m1", Type = MessageTypes.ControlResult, Sender = "CN", Recipient = "SG", CreatedAt = DateTimeOffset.UtcNow,
        Payload = payload,
    }, DateTimeOffset.UtcNow);

    [Fact]
    public void AControlResultIsStoredWithTheContainerTransportDocumentAndExporterReferenceAsKeys()
    {
        var result = Assert.IsType<ControlResultRecord>(Read(Payload()).Value.ControlResult);

        Assert.Equal(("CN", "26CN000000000002E1", "CNSHA001", false), (result.Sender, result.Mrn, result.Office, result.Findings));
        Assert.Equal(
            [new ExportDataKey(ExportDataKey.Container, "CSQU3054383"), new ExportDataKey(ExportDataKey.TransportDocument, "BL-1"),
             new ExportDataKey(ExportDataKey.ExporterReference, "EXP-2026-0002")],
            result.Keys);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("mrn")]
    [InlineData("lane")]
    [InlineData("seals")]
    [InlineData("unknown member")]
    public void AControlResultMissingWhatMattersIsRefused(string fault)
    {
        var payload = Payload();
        switch (fault)
        {
            case "seals":
                payload["containers"]![0]!["seals"] = new JsonArray();
                break;
            case "lane":
                payload["lane"] = "purple";
                break;
            case "unknown member":
                payload["importerAddress"] = "12 Secret Road";
                break;
            default:
                payload.Remove(fault);
                break;
        }

        var outcome = Read(payload);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("A control-result payload has", outcome.Refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(("payload.invalid", "/payload"), (outcome.Refusal.Code, outcome.Refusal.Issues[0].Pointer));
    }

    [Fact]
    public void ANullContainerOrSealIsRefusedNotReadThrough()
    {
        var payload = Payload();
        payload["containers"] = new JsonArray(null, new JsonObject { ["container"] = "CSQU3054383", ["seals"] = new JsonArray("S1") });

        Assert.Equal("payload.invalid", Read(payload).Refusal?.Code);
    }

    [Fact]
    public void APayloadWhoseTextIsNotUnicodeIsRefusedAtItsPointer()
    {
        // A lone surrogate parses, and only fails when the text is read or written back: refused before either.
        using var payload = JsonDocument.Parse(Payload().ToJsonString().Replace("CNSEAL-1", "\\ud800", StringComparison.Ordinal));

        var refusal = Read(payload.RootElement).Refusal;

        Assert.NotNull(refusal);
        Assert.Equal((JsonText.Code, "/payload/containers/0/seals/0"), (refusal.Code, refusal.Issues[0].Pointer));
    }
}
