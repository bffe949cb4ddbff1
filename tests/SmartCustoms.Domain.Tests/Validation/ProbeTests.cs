using System.Text.Json;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tests.Validation;

public class ProbeTests
{
    private static string Try(Func<object?> f)
    {
        try { return "OK " + f(); } catch (Exception ex) { return ex.GetType().Name + ": " + ex.Message; }
    }

    [Fact]
    public void Probe()
    {
        var o = new JsonSerializerOptions(DeclarationJson.Options) { RespectNullableAnnotations = true };
        var lines = new List<string>
        {
            Try(() => JsonSerializer.Deserialize<Declaration>("""{"items":null}""", o)!.Items.Count),
            Try(() => JsonSerializer.Deserialize<Declaration>("""{"items":[null]}""", o)!.Items.Count),
            Try(() => JsonSerializer.Deserialize<Declaration>("""{"routingCountries":[null]}""", o)!.RoutingCountries.Count),
            Try(() => JsonSerializer.Deserialize<Declaration>("""{"transport":{"containers":[{"seals":null}]}}""", o)!.Transport!.Containers.Count),
        };
        Assert.Fail(string.Join("\n", lines));
    }
}
