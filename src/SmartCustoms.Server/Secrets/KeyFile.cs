using System.Security.Cryptography;

namespace SmartCustoms.Server.Secrets;

/// <summary>The data folder's secrets key, for a node of one server that was given no <c>SmartCustoms:Secrets:Key</c>.</summary>
internal static class KeyFile
{
    /// <summary>
    /// Reads the key, or makes it: written to a file created with mode 600, then moved into place without overwriting,
    /// so that two servers starting on one folder end up with the same key and nobody reads a half-written file.
    /// </summary>
    public static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.new";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server made it first: its key is the node's.
            File.Delete(temporary);
        }

        return Read(path);
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        var key = new byte[64];
        return Convert.TryFromBase64String(text, key, out var length) && length == 32
            ? key[..32]
            : throw new InvalidOperationException($"{path} does not hold a 32-byte key in base64; restore it from a backup, or set SmartCustoms:Secrets:Key.");
    }
}
