using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.OpenApi;

public sealed class ApiDescriptionTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] Roles = ["trader", "officer", "analyst", "admin", "carrier"];

    [Fact]
    public async Task CheckedInClientIsTheOneTheApiDescriptionGenerates()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);
        var generated = await ClientGeneration.GenerateAsync(await anonymous.GetStringAsync("/openapi/v1.json"));
        var checkedIn = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "OpenApi", ClientGeneration.FileName));

        if (Environment.GetEnvironmentVariable(ClientGeneration.RewriteVariable) == "1")
        {
            await File.WriteAllTextAsync(SourceFolder() is { } folder ? Path.Combine(folder, ClientGeneration.FileName) : throw new InvalidOperationException("The test's source folder is not on this machine."), generated);
            return;
        }

        Assert.True(string.Equals(checkedIn, generated, StringComparison.Ordinal),
            $"tests/SmartCustoms.Server.Tests/OpenApi/{ClientGeneration.FileName} is not the client the API description generates now; regenerate it with "
            + $"{ClientGeneration.RewriteVariable}=1 dotnet test tests/SmartCustoms.Server.Tests --filter \"FullyQualifiedName~{nameof(CheckedInClientIsTheOneTheApiDescriptionGenerates)}\" and commit it.");
    }

    [Fact]
    public async Task EveryOperationHasAnIdItsSecurityAndItsProblemResponses()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var operations = Operations(root).ToList();

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var problem = root.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties");
        Assert.All(new[] { "type", "title", "status", "detail", "code", "traceId", "errors" }, p => Assert.True(problem.TryGetProperty(p, out _), p));
        var issue = root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemIssue").GetProperty("properties");
        Assert.All(new[] { "code", "message", "pointer", "severity", "line" }, p => Assert.True(issue.TryGetProperty(p, out _), p));
        Assert.True(operations.Count > 40);
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Id), $"{o.Method} {o.Path} has no operationId"));
        Assert.Equal(operations.Count, operations.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["GetNodeCard", "ReceiveExchangeMessage"], operations.Where(o => o.Roles is null).Select(o => o.Id).Order(StringComparer.Ordinal));
        foreach (var operation in operations)
        {
            var problems = operation.Element.GetProperty("responses").EnumerateObject().Where(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture) >= 400).ToList();
            Assert.NotEmpty(problems);
            Assert.All(problems, r => Assert.Equal("#/components/schemas/Problem",
                r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()));
            if (operation.Roles is not null)
            {
                Assert.NotEmpty(operation.Roles);
                Assert.Contains(problems, r => r.Name == "401");
                Assert.Equal(operation.Roles.Count < Roles.Length, problems.Any(r => r.Name == "403"));
            }
        }
    }

    [Fact]
    public async Task RolesTheApiDescriptionListsAreTheOnesTheNodeLetsIn()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var anonymous = node.Client(null);
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var keys = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            keys[role] = await node.ClientForAsync(role, role switch { "trader" => "GB123456789000", "carrier" => "FR-POST", _ => null });
        }

        var wrong = new List<string>();
        foreach (var operation in Operations(document.RootElement).Where(o => o.Roles is not null))
        {
            var unauthenticated = await SendAsync(anonymous, operation);
            if (unauthenticated != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{operation.Id} without a key: {(int)unauthenticated}");
            }

            foreach (var role in Roles.Where(r => !operation.Roles!.Contains(r)))
            {
                var status = await SendAsync(keys[role], operation);
                if (status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{operation.Id} as {role} (not in x-roles): {(int)status}");
                }
            }
        }

        foreach (var client in keys.Values)
        {
            client.Dispose();
        }

        Assert.Empty(wrong);
    }

    private sealed record Operation(string Method, string Path, string? Id, IReadOnlyList<string>? Roles, JsonElement Element);

    private static IEnumerable<Operation> Operations(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var op = method.Value;
                var bearer = op.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("bearer", out _));
                IReadOnlyList<string>? roles = bearer
                    ? op.TryGetProperty("x-roles", out var listed) ? [.. listed.EnumerateArray().Select(r => r.GetString()!)] : []
                    : null;
                yield return new Operation(method.Name.ToUpperInvariant(), path.Name, op.TryGetProperty("operationId", out var id) ? id.GetString() : null, roles, op);
            }
        }
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Operation operation)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "\\{[^}]+\\}", "1");
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Element.TryGetProperty("requestBody", out var body))
        {
            // In a content type the operation reads, so that it is routed to the endpoint and not refused as 415.
            var contentType = body.GetProperty("content").EnumerateObject().First().Name;
            request.Content = new StringContent("{}", Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static string? SourceFolder([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) is { } folder && Directory.Exists(folder) ? folder : null;
}
