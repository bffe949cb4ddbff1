using Microsoft.Data.Sqlite;
using Npgsql;
using SmartCustoms.Storage.Health;

namespace SmartCustoms.Storage.Tests.Health;

public sealed class StorageFailureTests
{
    [Fact]
    public void ASqliteDatabaseAtItsPageLimitIsFull()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (v TEXT); PRAGMA max_page_count = 2;";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO t VALUES (zeroblob(100000))";

        var full = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.True(StorageFailure.IsFull(full));
        Assert.True(StorageFailure.IsFull(new InvalidOperationException("wrapped", full)));
    }

    [Fact]
    public void AFileWriteWithNoSpaceLeftIsFull()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "/dev/full (a device that is always full) exists on Linux only.");

        var full = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            stream.Write(new byte[4096]);
            stream.Flush();
        });

        Assert.True(StorageFailure.IsFull(full));
    }

    [Fact]
    public void PostgresDiskFullIsFullAndOtherFailuresAreNot()
    {
        var diskFull = new PostgresException("could not extend file", "ERROR", "ERROR", "53100");
        var uniqueViolation = new PostgresException("duplicate key", "ERROR", "ERROR", "23505");
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM missing";
        var noTable = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.True(StorageFailure.IsFull(diskFull));
        Assert.False(StorageFailure.IsFull(uniqueViolation));
        Assert.False(StorageFailure.IsFull(noTable));
        Assert.False(StorageFailure.IsFull(new IOException("Bad chunk size data")));
    }
}
