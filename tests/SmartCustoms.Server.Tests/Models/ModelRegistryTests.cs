using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Tests.Infrastructure;
using SmartCustoms.Targeting;

namespace SmartCustoms.Server.Tests.Models;

/// <summary>The model registry: upload, activation reaching the lanes and explanations, training from the node's own results.</summary>
public sealed class ModelRegistryTests
{
    private const string Declarant = "GB123456789000";

    /// <summary>A small real model, trained once for these tests on the first rows of the shipped KCS training data.</summary>
    private static readonly Lazy<byte[]> SmallModel = new(() =>
    {
        var rows = KcsCsv.Read(Path.Combine(AppContext.BaseDirectory, "fraud", "kcs-train.csv")).Take(4000).ToList();
        var model = FraudModelTrainer.Train(rows, new TrainingOptions { MaximumTrees = 40 }, null);
        using var file = new MemoryStream();
        model.Save(file);
        return file.ToArray();
    });

    private static ByteArrayContent Zip(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task AnActivatedModelScoresAndExplainsEveryDeclaration(string provider)
    {
        await using var node = await TestNode.StartAsync(provider);
        using var analyst = await node.ClientForAsync("analyst");
        using var trader = await node.TraderAsync(Declarant);
        using var officer = await node.OfficerAsync();
        var before = await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant))).JsonAsync();

        var uploaded = await analyst.PostAsync("/api/models", Zip(SmallModel.Value));
        var model = await uploaded.JsonAsync();
        var id = model.GetProperty("id").GetInt64();
        var activated = await analyst.PostAsJsonAsync($"/api/models/{id}/activate", new { reason = "first model" });
        var after = await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import(Declarant))).JsonAsync();
        var explained = (await (await officer.GetAsync($"/api/declarations/{after.GetProperty("mrn").GetString()}")).JsonAsync()).GetProperty("risk").GetProperty("explanation");
        var unexplained = (await (await officer.GetAsync($"/api/declarations/{before.GetProperty("mrn").GetString()}")).JsonAsync()).GetProperty("risk").GetProperty("explanation");
        var listed = await (await analyst.GetAsync("/api/models")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.False(model.GetProperty("active").GetBoolean());
        Assert.Equal(4000, model.GetProperty("info").GetProperty("trainingRows").GetInt32());
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.True(listed[0].GetProperty("active").GetBoolean());
        Assert.Equal($"model {id}", explained.GetProperty("model").GetString());
        Assert.InRange(explained.GetProperty("modelContribution").GetDecimal(), 0m, 100m);
        Assert.NotEmpty(explained.GetProperty("modelReasons").EnumerateArray());
        Assert.False(unexplained.TryGetProperty("model", out _));
    }

    [Fact]
    public async Task FilesThatAreNotModelsAreRefusedAndNothingIsStored()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite);
        using var analyst = await node.ClientForAsync("analyst");
        using var officer = await node.OfficerAsync();
        var truncated = SmallModel.Value[..(SmallModel.Value.Length / 2)];

        var notZip = await analyst.PostAsync("/api/models", Zip("not a zip"u8.ToArray()));
        var broken = await analyst.PostAsync("/api/models", Zip(truncated));
        var byOfficer = await officer.PostAsync("/api/models", Zip(SmallModel.Value));
        var unknown = await analyst.PostAsJsonAsync("/api/models/999/activate", new { reason = "x" });
        var listed = await (await analyst.GetAsync("/api/models")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains("model.invalid", (await notZip.JsonAsync()).ErrorCodes());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task TheNodeTrainsOnItsOwnInspectionResultsAndActivatesTheFirstModel()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Risk:MinTrainingExamples"] = "60",
        });
        using var analyst = await node.ClientForAsync("analyst");
        using var officer = await node.OfficerAsync();
        var tooEarly = await analyst.PostAsync("/api/models/train", null);

        await LodgeAndInspectAsync(node, officer, 80);

        var trained = await analyst.PostAsync("/api/models/train", null);
        var outcome = await trained.JsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("training.not-enough-data", (await tooEarly.JsonAsync()).ErrorCodes());
        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.True(outcome.GetProperty("activated").GetBoolean());
        Assert.Equal(80, outcome.GetProperty("examples").GetInt32());
        Assert.Equal(16, outcome.GetProperty("validationExamples").GetInt32());
        Assert.Equal("training", outcome.GetProperty("model").GetProperty("source").GetString());
    }

    [Fact]
    public async Task TheNodeRetrainsOnScheduleWithoutStopping()
    {
        await using var node = await TestNode.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string?>
        {
            ["SmartCustoms:Risk:MinTrainingExamples"] = "60",
            ["SmartCustoms:Risk:RetrainEvery"] = "00:00:02",
        });
        using var analyst = await node.ClientForAsync("analyst");
        using var officer = await node.OfficerAsync();
        await LodgeAndInspectAsync(node, officer, 80);

        JsonElement models = default;
        for (var waited = 0; waited < 60 && (models.ValueKind != JsonValueKind.Array || models.GetArrayLength() == 0); waited++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            models = await (await analyst.GetAsync("/api/models")).JsonAsync();
        }

        var model = Assert.Single(models.EnumerateArray().Take(1));
        Assert.Equal(("training", ModelRetrainingService.Actor, true),
            (model.GetProperty("source").GetString(), model.GetProperty("createdBy").GetString(), model.GetProperty("active").GetBoolean()));
        using var trader = await node.TraderAsync("GB100000000001");
        var lodged = await trader.PostAsJsonAsync("/api/declarations", Samples.Import("GB100000000001"));
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
    }

    /// <summary>Declarations of two traders, each sent to a control; one of them is found undervaluing in most inspections.</summary>
    private static async Task LodgeAndInspectAsync(TestNode node, HttpClient officer, int count)
    {
        using var honest = await node.TraderAsync("GB100000000001");
        using var cheat = await node.TraderAsync("GB200000000002");
        for (var i = 0; i < count; i++)
        {
            var declarant = i % 2 == 0 ? "GB100000000001" : "GB200000000002";
            var trader = i % 2 == 0 ? honest : cheat;
            var lodged = await (await trader.PostAsJsonAsync("/api/declarations", Samples.Import(declarant))).JsonAsync();
            var mrn = lodged.GetProperty("mrn").GetString();
            // A model trained meanwhile (on schedule) may already have sent it to a control.
            if (!lodged.GetProperty("controlOpen").GetBoolean())
            {
                Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/reroute", new { lane = "red", reason = "sampling" })).StatusCode);
            }
            var findings = declarant == "GB200000000002" && i % 5 != 1;
            var result = findings
                ? (object)new { findings = true, categories = new[] { "undervaluation" }, revenueAtStake = 100m }
                : new { findings = false };
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/declarations/{mrn}/inspection-result", result)).StatusCode);
        }
    }

    [Fact]
    public void ACandidateIsActivatedOnlyIfItValidatesAtLeastAsWellAsTheActiveModel()
    {
        static RankingMetrics Metrics(double precisionAt5) => new()
        {
            Count = 100, Positives = 20, PrecisionAt1 = 0, PrecisionAt2 = 0, PrecisionAt5 = precisionAt5, PrecisionAt10 = 0,
            RecallAt1 = 0, RecallAt2 = 0, RecallAt5 = 0, RecallAt10 = 0, Auc = 0.5,
        };

        Assert.True(NodeModelTrainer.ShouldActivate(Metrics(0.6), null));
        Assert.True(NodeModelTrainer.ShouldActivate(Metrics(0.6), Metrics(0.6)));
        Assert.False(NodeModelTrainer.ShouldActivate(Metrics(0.59), Metrics(0.6)));
    }
}
