using System.Text.Json;
using SmartCustoms.Server.Tests.Infrastructure;
using SmartCustoms.Server.Tests.OpenApi.Client;

namespace SmartCustoms.Server.Tests.OpenApi;

/// <summary>The client generated from the API description (SmartCustomsClient.cs), used as a client developer would.</summary>
public sealed class GeneratedClientTests
{
    private const string Declarant = "GB123456789000";

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task TraderLodgesReadsAndCancelsADeclarationThroughTheGeneratedClient(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var http = await node.TraderAsync(Declarant);
        var client = new SmartCustomsClient(http);
        var declaration = Declaration();

        var lodged = await client.LodgeDeclarationAsync(declaration);
        var read = await client.GetDeclarationAsync(lodged.Mrn);
        var cancelled = await client.CancelDeclarationAsync(lodged.Mrn, new ReasonRequest { Reason = "shipment lost" });
        var listed = await client.ListDeclarationsAsync(status: "cancelled");

        Assert.Equal(declaration.Lrn, lodged.Lrn);
        Assert.Equal(lodged.Mrn, read.Mrn);
        Assert.Equal(Declarant, read.DeclarantId);
        Assert.Equal(27d, read.Duties?.TotalDuty);
        Assert.Equal(DeclarationStatus.Cancelled, cancelled.Status);
        Assert.Equal([lodged.Mrn], listed.Items.Select(i => i.Mrn));
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task RefusalsReachTheClientAsTheirProblem(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var http = await node.TraderAsync(Declarant);
        using var anonymousHttp = node.Client(null);
        var client = new SmartCustomsClient(http);
        var first = Declaration();
        await client.LodgeDeclarationAsync(first);
        var other = Declaration(first.Lrn);
        other.Importer!.Name = "Another Importer Ltd";
        var invalid = Declaration();
        invalid.Items!.Single().HsCode = "999999";

        var conflict = await Assert.ThrowsAsync<SmartCustomsApiException<Problem>>(() => client.LodgeDeclarationAsync(other));
        var validation = await Assert.ThrowsAsync<SmartCustomsApiException<Problem>>(() => client.LodgeDeclarationAsync(invalid));
        var anonymous = await Assert.ThrowsAsync<SmartCustomsApiException<Problem>>(() => new SmartCustomsClient(anonymousHttp).ListDeclarationsAsync());
        var notFound = await Assert.ThrowsAsync<SmartCustomsApiException<Problem>>(() => client.CancelDeclarationAsync("26GB0000000000000", new ReasonRequest()));

        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal("lrn.conflict", conflict.Result.Code);
        Assert.Equal(["/lrn"], conflict.Result.Errors!.Select(e => e.Pointer));
        Assert.Equal(400, validation.StatusCode);
        Assert.Equal("validation", validation.Result.Code);
        Assert.Contains("/items/0/hsCode", validation.Result.Errors!.Select(e => e.Pointer));
        Assert.All(validation.Result.Errors!, e => Assert.Equal(ProblemIssueSeverity.Error, e.Severity));
        Assert.Equal(401, anonymous.StatusCode);
        Assert.Equal("auth.required", anonymous.Result.Code);
        Assert.Equal(404, notFound.StatusCode);
    }

    private static Declaration Declaration(string? lrn = null) =>
        Samples.Import(Declarant, lrn).Deserialize<Declaration>() ?? throw new InvalidOperationException("The sample declaration did not read.");
}
