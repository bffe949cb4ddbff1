namespace SmartCustoms.Server.Hosting;

/// <summary>The node's data folder (SQLite database, signing keys, portal keys), checked before anything is written to it.</summary>
public static class DataFolder
{
    /// <summary>Creates the folder if missing and proves it writable with a file written and deleted.</summary>
    /// <exception cref="NodeStartupException">The folder cannot be created or written; the message names its path.</exception>
    public static void EnsureWritable(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NodeStartupException(
                $"SmartCustoms:DataDirectory '{full}' is not writable ({ex.Message.TrimEnd('.')}); make it writable by this user or point SmartCustoms:DataDirectory at another folder.", ex);
        }
    }
}
