using Microsoft.Data.Sqlite;
using Npgsql;

namespace SmartCustoms.Storage.Health;

/// <summary>Which storage failures mean "no space left", whichever database or file raised them.</summary>
public static class StorageFailure
{
    private const int SqliteFull = 13;
    private const string PostgresDiskFull = "53100";
    private const int UnixNoSpace = 28;
    private const int WindowsDiskFull = 0x70;
    private const int WindowsHandleDiskFull = 0x27;

    /// <summary>
    /// True when <paramref name="exception"/>, or any exception it wraps, says the disk or the database is full:
    /// SQLite's SQLITE_FULL, PostgreSQL's disk_full (SQLSTATE 53100), or a file write failing with ENOSPC.
    /// </summary>
    public static bool IsFull(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsFull))
            {
                return true;
            }

            if (current switch
            {
                SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
                PostgresException postgres => string.Equals(postgres.SqlState, PostgresDiskFull, StringComparison.Ordinal),
                IOException io => IsNoSpace(io.HResult),
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNoSpace(int hresult)
    {
        // .NET on Unix puts the errno in HResult; on Windows it is the Win32 error wrapped in an HRESULT.
        var code = OperatingSystem.IsWindows() ? hresult & 0xFFFF : hresult;
        return OperatingSystem.IsWindows() ? code is WindowsDiskFull or WindowsHandleDiskFull : code == UnixNoSpace;
    }
}
