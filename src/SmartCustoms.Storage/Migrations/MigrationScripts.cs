using System.Globalization;

namespace SmartCustoms.Storage.Migrations;

internal sealed record MigrationScript(int Version, string Name, string Sql);

/// <summary>The numbered SQL scripts embedded for one provider, e.g. <c>Migrations/Sqlite/0001_initial.sql</c>.</summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> For(string folder)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"SmartCustoms.Migrations.{folder}.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild's RecursiveDir leaves the folder separator in the logical name; accept any of them.
            var name = resource.Replace('/', '.').Replace('\\', '.');
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var file = name[prefix.Length..];
            var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, file, reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two {folder} migrations share version {scripts[i].Version}: {scripts[i - 1].Name}, {scripts[i].Name}.");
            }
        }
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No {folder} migrations are embedded in {assembly.GetName().Name}.");
        }
        return scripts;
    }
}
