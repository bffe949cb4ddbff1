using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCustoms.Cli.Hosting;
using SmartCustoms.Targeting;

namespace SmartCustoms.Cli.Model;

/// <summary><c>model train</c> and <c>model evaluate</c>: the fraud-targeting model from labelled inspection results.</summary>
internal static class ModelCommands
{
    /// <summary>The most inspected declarations <c>--from-node</c> reads, the latest ones.</summary>
    public const int MaxNodeExamples = 1_000_000;

    public static Command Create(CliConsole console, StorageArguments storage) =>
        new("model", "Train and evaluate the fraud-targeting model on labelled inspection results (KCS CSV columns, or the node's own).")
        {
            TrainCommand(console, storage),
            EvaluateCommand(console),
        };

    private static Command TrainCommand(CliConsole console, StorageArguments storage)
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Labelled declarations (KCS CSV); repeat to train on several files",
            HelpName = "FILE.csv",
            AllowMultipleArgumentsPerToken = false,
        };
        var fromNode = new Option<bool>("--from-node")
        {
            Description = "Also train on the node's own inspection results (findings are fraud; prohibited goods and false origin are critical), read from its database (--data-dir, --provider, --connection)",
        };
        var output = new Option<string>("--out") { Description = "Model file to write (replaced if it exists)", HelpName = "model.zip", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same data and seed give the same model", HelpName = "S", DefaultValueFactory = _ => 1 };
        var validation = new Option<string>("--validation")
        {
            Description = "Labelled declarations of a later period, scored after training; their metrics are printed and kept in the model",
            HelpName = "FILE.csv",
        };
        var command = new Command("train",
            "Train a fraud-targeting model: histories of importer, declarant, seller, HS code, origin, route and office "
            + "(encoded out of fold), value per kg against the HS median, and gradient-boosted trees whose number is "
            + "chosen by early stopping on the latest dates of the training data.")
        {
            data, fromNode, output, seed, validation,
        };
        storage.AddTo(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var files = parsed.GetValue(data) ?? [];
            var (outputPath, seedValue, validationPath) = (parsed.GetValue(output)!, parsed.GetValue(seed), parsed.GetValue(validation));
            if (!parsed.GetValue(fromNode))
            {
                if (files.Length == 0)
                {
                    await console.FailAsync("give the training data: --data FILE.csv (repeatable), --from-node, or both.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                return await TrainAsync(console, files, [], outputPath, seedValue, validationPath).ConfigureAwait(false);
            }

            return await storage.RunAsync(parsed, console, async (database, ct) =>
            {
                var examples = await database.Risk.GetLabelledDeclarationsAsync(MaxNodeExamples, ct).ConfigureAwait(false);
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Read {examples.Count} inspected declarations from the node ({examples.Count(e => e.Findings)} with findings).")).ConfigureAwait(false);
                var labelled = examples.Select(e => InspectionLabels.From(e.Declaration, e.Duties, e.AcceptedAt, e.Findings, [.. e.Categories])).ToList();
                return await TrainAsync(console, files, labelled, outputPath, seedValue, validationPath).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command EvaluateCommand(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "Model file written by 'model train'", HelpName = "model.zip", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled declarations (KCS CSV) to score", HelpName = "FILE.csv", Required = true };
        var json = new Option<bool>("--json") { Description = "Write one JSON object instead of a table" };
        var command = new Command("evaluate",
            "Score labelled declarations and report Precision@1/2/5/10%, Recall@1/2/5/10% and ROC AUC, for fraud and for "
            + "critical fraud (Critical Fraud = 2) with the same scores.")
        {
            model, data, json,
        };
        command.SetAction((parsed, _) => EvaluateAsync(console, parsed.GetValue(model)!, parsed.GetValue(data)!, parsed.GetValue(json)));
        return command;
    }

    private static async Task<int> TrainAsync(
        CliConsole console, string[] dataPaths, IReadOnlyList<LabelledRecord> nodeRows, string outputPath, int seed, string? validationPath)
    {
        var rows = new List<LabelledRecord>(nodeRows);
        foreach (var path in dataPaths)
        {
            var read = await ReadAsync(console, path).ConfigureAwait(false);
            if (read is null)
            {
                return ExitCodes.Usage;
            }

            rows.AddRange(read);
        }

        IReadOnlyList<LabelledRecord>? validation = null;
        if (validationPath is not null && (validation = await ReadAsync(console, validationPath).ConfigureAwait(false)) is null)
        {
            return ExitCodes.Usage;
        }

        if (!rows.Any(r => r.Fraud) || rows.All(r => r.Fraud))
        {
            await console.FailAsync("training needs declarations with and without fraud.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (await CheckWritableAsync(console, outputPath).ConfigureAwait(false) is false)
        {
            return ExitCodes.Usage;
        }

        FraudModel? model = null;
        await console.WithProgressAsync("Training", 4, report =>
        {
            var progress = new SynchronousProgress(p => report(p.Step - 1));
            model = FraudModelTrainer.Train(rows, new TrainingOptions { Seed = seed, Validation = validation }, progress);
            report(4);
        }).ConfigureAwait(false);

        try
        {
            using var file = File.Create(outputPath);
            model!.Save(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"cannot write {outputPath}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var info = model.Info;
        var invariant = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync(string.Create(invariant,
            $"Trained on {info.TrainingRows} declarations ({info.FirstDate:yyyy-MM-dd} .. {info.LastDate:yyyy-MM-dd}, fraud {info.FraudRate:0.0%}) in {info.TrainingSeconds:0.0} s, seed {info.Seed}")).ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(invariant,
            $"  trees    {info.Trees} (early stopping chose {info.EarlyStoppingTrees} on the latest {info.Parameters.EarlyStoppingShare:0%} of dates)")).ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(invariant, $"  features {info.FeatureNames.Count}")).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"  model    {outputPath}").ConfigureAwait(false);
        if (info.Validation is { } result)
        {
            await WriteTableAsync(console.Out, result).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> EvaluateAsync(CliConsole console, string modelPath, string dataPath, bool json)
    {
        if (!File.Exists(modelPath))
        {
            await console.FailAsync($"cannot read {modelPath}: no such file.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        FraudModel model;
        try
        {
            using var file = File.OpenRead(modelPath);
            model = FraudModel.Load(file);
        }
        catch (Exception ex) when (ex is FraudModelFormatException or IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"cannot load {modelPath}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var rows = await ReadAsync(console, dataPath).ConfigureAwait(false);
        if (rows is null)
        {
            return ExitCodes.Usage;
        }

        if (rows.Count == 0)
        {
            await console.FailAsync($"{dataPath} has no declarations to score.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var result = ValidationResult.Evaluate(model, rows);
        if (json)
        {
            var document = Metrics(result.Fraud);
            document["critical"] = Metrics(result.Critical);
            await console.Out.WriteLineAsync(document.ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteLineAsync($"Model {modelPath}: trained on {model.Info.TrainingRows} declarations, {model.Info.FirstDate:yyyy-MM-dd} .. {model.Info.LastDate:yyyy-MM-dd}").ConfigureAwait(false);
            await WriteTableAsync(console.Out, result).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static JsonObject Metrics(RankingMetrics metrics) => new()
    {
        ["precisionAt1"] = metrics.PrecisionAt1,
        ["precisionAt2"] = metrics.PrecisionAt2,
        ["precisionAt5"] = metrics.PrecisionAt5,
        ["precisionAt10"] = metrics.PrecisionAt10,
        ["recallAt1"] = metrics.RecallAt1,
        ["recallAt2"] = metrics.RecallAt2,
        ["recallAt5"] = metrics.RecallAt5,
        ["recallAt10"] = metrics.RecallAt10,
        ["auc"] = metrics.Auc,
    };

    private static async Task WriteTableAsync(TextWriter output, ValidationResult result)
    {
        var invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant,
            $"Evaluated on {result.Rows} declarations ({result.FirstDate:yyyy-MM-dd} .. {result.LastDate:yyyy-MM-dd}): fraud {result.Fraud.Positives}, critical {result.Critical.Positives}")).ConfigureAwait(false);
        await output.WriteLineAsync("  label      P@1%   P@2%   P@5%  P@10%   R@1%   R@2%   R@5%  R@10%    AUC").ConfigureAwait(false);
        await output.WriteLineAsync(Row("fraud", result.Fraud)).ConfigureAwait(false);
        await output.WriteLineAsync(Row("critical", result.Critical)).ConfigureAwait(false);
    }

    private static string Row(string label, RankingMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"  {label,-8} {m.PrecisionAt1,6:0.000} {m.PrecisionAt2,6:0.000} {m.PrecisionAt5,6:0.000} {m.PrecisionAt10,6:0.000} {m.RecallAt1,6:0.000} {m.RecallAt2,6:0.000} {m.RecallAt5,6:0.000} {m.RecallAt10,6:0.000} {(m.Auc is { } auc ? auc.ToString("0.000", CultureInfo.InvariantCulture) : "n/a"),6}");

    private static async Task<IReadOnlyList<LabelledRecord>?> ReadAsync(CliConsole console, string path)
    {
        if (!File.Exists(path))
        {
            await console.FailAsync($"cannot read {path}: no such file.").ConfigureAwait(false);
            return null;
        }

        try
        {
            return KcsCsv.Read(path);
        }
        catch (KcsFormatException ex)
        {
            await console.FailAsync(ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.FailAsync($"cannot read {path}: {ex.Message}").ConfigureAwait(false);
        }

        return null;
    }

    private static async Task<bool> CheckWritableAsync(CliConsole console, string path)
    {
        if (Directory.Exists(path))
        {
            await console.FailAsync($"cannot write {path}: a folder, not a file.").ConfigureAwait(false);
            return false;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            await console.FailAsync($"cannot write {path}: the folder {folder} does not exist.").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool, so a bar could be redrawn after the work ends; this reports inline.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
