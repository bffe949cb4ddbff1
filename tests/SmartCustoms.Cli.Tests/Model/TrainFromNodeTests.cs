using System.Globalization;
using SmartCustoms.Domain.Controls;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Storage;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Targeting;

namespace SmartCustoms.Cli.Tests.Model;

/// <summary><c>model train --from-node</c>: the node's own inspection results as training data.</summary>
public sealed class TrainFromNodeTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TrainsOnTheDeclarationsInspectedAtTheNode()
    {
        var data = Path.Combine(_folder.Path, "node");
        await using (var database = StorageFactory.Create(new StorageOptions { Provider = StorageOptions.Sqlite, DataDirectory = data }))
        {
            await database.MigrateAsync(TestContext.Current.CancellationToken);
            for (var i = 0; i < 60; i++)
            {
                await LodgeAndInspectAsync(database, i);
            }
        }

        var model = Path.Combine(_folder.Path, "node-model.zip");
        var run = await CliRun.StartAsync("model", "train", "--from-node", "--data-dir", data, "--out", model);
        var empty = await CliRun.StartAsync("model", "train", "--from-node", "--data-dir", Path.Combine(_folder.Path, "empty"), "--out", model + ".2");
        var nothing = await CliRun.StartAsync("model", "train", "--out", model + ".3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Read 60 inspected declarations from the node (30 with findings).", run.Output, StringComparison.Ordinal);
        using (var file = File.OpenRead(model))
        {
            var loaded = FraudModel.Load(file);
            Assert.Equal(60, loaded.Info.TrainingRows);
            Assert.Equal(0.5, loaded.Info.FraudRate, 3);
        }

        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("with and without fraud", empty.Error, StringComparison.Ordinal);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("--from-node", nothing.Error, StringComparison.Ordinal);
    }

    /// <summary>Two importers; the second one's declarations are found undervalued.</summary>
    private static async Task LodgeAndInspectAsync(Database database, int i)
    {
        var importer = i % 2 == 0 ? "GB100000000001" : "GB200000000002";
        var lrn = "LRN-" + i.ToString(CultureInfo.InvariantCulture);
        var declaration = new Declaration
        {
            Type = "IMA",
            Lrn = lrn,
            DeclarationOffice = "GB000040",
            Declarant = new Party { Id = importer },
            Importer = new Party { Id = importer },
            ExportCountry = "CN",
            Items = [new GoodsItem { Sequence = 1, HsCode = "851010", Origin = "CN", NetMass = 100m, ItemPrice = new Money { Amount = 1000m + i, Currency = "EUR" } }],
        };
        var at = At.AddHours(i);
        var lodged = await database.Declarations.LodgeAsync(new LodgeRequest
        {
            DeclarantId = importer,
            Lrn = lrn,
            ContentHash = DeclarationJson.ContentHash(declaration),
            Declaration = declaration,
            Status = DeclarationStatus.UnderControl,
            AcceptedAt = at,
            MrnFactory = n => "26GB" + n.ToString("D12", CultureInfo.InvariantCulture) + "A0",
        }, TestContext.Current.CancellationToken);
        var findings = importer == "GB200000000002";
        await database.Declarations.UpdateAsync(lodged.Record.Mrn, r => new DeclarationChange
        {
            Status = r.Status,
            ControlOpen = false,
            Inspection = new NewInspection(1, Lane.Red, findings, findings ? [FindingCategory.Undervaluation] : [], findings ? 50m : 0m, null, "officer", at, []),
            Audit = new AuditEntry("officer", "inspection-result", null, at),
        }, TestContext.Current.CancellationToken);
    }
}
