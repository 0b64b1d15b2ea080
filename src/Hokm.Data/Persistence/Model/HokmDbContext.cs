using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hokm.Data.Persistence.Model;

/// <summary>
/// The persistent tier's model, shared by both providers. Each provider has its own derived
/// context (<see cref="PostgresHokmDbContext"/>, <see cref="SqliteHokmDbContext"/>) so that each
/// keeps its own migrations; code that only queries takes this base type from
/// <see cref="IDbContextFactory{HokmDbContext}"/>.
/// </summary>
public abstract class HokmDbContext : DbContext
{
    private const int IdLength = 64;
    private const int NameLength = 64;

    /// <summary>Creates the context.</summary>
    protected HokmDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Accounts and guests.</summary>
    public DbSet<PlayerRow> Players => Set<PlayerRow>();

    /// <summary>Games, playing or finished.</summary>
    public DbSet<GameRow> Games => Set<GameRow>();

    /// <summary>Who sat where.</summary>
    public DbSet<GamePlayerRow> GamePlayers => Set<GamePlayerRow>();

    /// <summary>Hand outcomes.</summary>
    public DbSet<HandRow> Hands => Set<HandRow>();

    /// <summary>Every move.</summary>
    public DbSet<MoveRow> Moves => Set<MoveRow>();

    /// <summary>Per-player totals.</summary>
    public DbSet<PlayerStatsRow> PlayerStats => Set<PlayerStatsRow>();

    /// <summary>Game-pattern rollup: hands per start day, bot presence and trump suit.</summary>
    public DbSet<PatternDailyHandsRow> PatternDailyHands => Set<PatternDailyHandsRow>();

    /// <summary>Game-pattern rollup: games per start day, bot presence, hand count and length bucket.</summary>
    public DbSet<PatternDailyGamesRow> PatternDailyGames => Set<PatternDailyGamesRow>();

    /// <summary>The action/audit log.</summary>
    public DbSet<ActionLogRow> ActionLog => Set<ActionLogRow>();

    /// <summary>Outbox entries that could not be written.</summary>
    public DbSet<DeadLetterRow> DeadLetters => Set<DeadLetterRow>();

    /// <summary>Live room states written to the persistent store (write-through, or Redis fallback).</summary>
    public DbSet<LiveRoomRow> LiveRooms => Set<LiveRoomRow>();

    /// <summary>The database provider this context runs on.</summary>
    public abstract PersistenceProvider Provider { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ConfigurePlayers(modelBuilder.Entity<PlayerRow>());
        ConfigureGames(modelBuilder.Entity<GameRow>());
        ConfigureGamePlayers(modelBuilder.Entity<GamePlayerRow>());
        ConfigureHands(modelBuilder.Entity<HandRow>());
        ConfigureMoves(modelBuilder.Entity<MoveRow>());
        ConfigurePlayerStats(modelBuilder.Entity<PlayerStatsRow>());
        ConfigurePatternDaily(modelBuilder.Entity<PatternDailyHandsRow>(), modelBuilder.Entity<PatternDailyGamesRow>());
        ConfigureActionLog(modelBuilder.Entity<ActionLogRow>());
        ConfigureDeadLetters(modelBuilder.Entity<DeadLetterRow>());
        ConfigureLiveRooms(modelBuilder.Entity<LiveRoomRow>());

        // Written last so it names every column, key, foreign key and index the calls above made.
        SnakeCaseNames.Apply(modelBuilder);
    }

    private static void ConfigureLiveRooms(EntityTypeBuilder<LiveRoomRow> room)
    {
        room.ToTable("live_rooms");
        room.HasKey(r => r.Room);
        room.Property(r => r.Room).HasMaxLength(IdLength);

        // The rehydrator looks for the few rows Redis is behind on.
        room.HasIndex(r => r.NeedsRehydration).HasFilter(null);
    }

    private static void ConfigurePlayers(EntityTypeBuilder<PlayerRow> player)
    {
        player.ToTable("players");
        player.HasKey(p => p.Id);
        player.Property(p => p.Id).HasMaxLength(IdLength);
        player.Property(p => p.Username).HasMaxLength(NameLength);
        player.Property(p => p.UsernameNormalized).HasMaxLength(NameLength);
        player.Property(p => p.DisplayName).HasMaxLength(NameLength);
        player.Property(p => p.PasswordHash).HasMaxLength(512);

        // The default is for rows written by hand; EF always sends the value (ValueGeneratedNever),
        // so a rating of 0 is never mistaken for "not set".
        player.Property(p => p.Rating).HasDefaultValue(PersistenceDefaults.InitialRating).ValueGeneratedNever();
        player.Property(p => p.FailedLogins).HasDefaultValue(0).ValueGeneratedNever();
        player.HasIndex(p => p.UsernameNormalized).IsUnique();
    }

    private static void ConfigureGames(EntityTypeBuilder<GameRow> game)
    {
        game.ToTable("games", t =>
        {
            t.HasCheckConstraint("ck_games_winner", "winner IS NULL OR winner IN ('A', 'B')");
            t.HasCheckConstraint("ck_games_status", "status IN ('playing', 'finished')");
        });
        game.HasKey(g => g.Id);
        game.Property(g => g.Id).HasMaxLength(IdLength);
        game.Property(g => g.RoomCode).HasMaxLength(IdLength);
        game.Property(g => g.Winner).HasMaxLength(1);
        game.Property(g => g.Seed).HasMaxLength(256);
        game.Property(g => g.SeedHash).HasMaxLength(256);
        game.Property(g => g.Status).HasMaxLength(16);

        // "Games of the last week", "games in progress since …": reports scan by time.
        game.HasIndex(g => g.StartedAt);
        game.HasIndex(g => g.EndedAt);
        game.HasIndex(g => g.RoomCode);
    }

    private static void ConfigureGamePlayers(EntityTypeBuilder<GamePlayerRow> seat)
    {
        seat.ToTable("game_players", t =>
        {
            t.HasCheckConstraint("ck_game_players_seat", "seat BETWEEN 0 AND 3");
            t.HasCheckConstraint("ck_game_players_team", "team IN ('A', 'B')");
        });
        seat.HasKey(s => new { s.GameId, s.Seat });
        seat.Property(s => s.GameId).HasMaxLength(IdLength);
        seat.Property(s => s.PlayerId).HasMaxLength(IdLength);
        seat.Property(s => s.Name).HasMaxLength(NameLength);
        seat.Property(s => s.Team).HasMaxLength(1);
        seat.HasOne<GameRow>().WithMany().HasForeignKey(s => s.GameId).OnDelete(DeleteBehavior.Cascade);

        // A seat names a real player (bots have none): a game of an unknown player is refused
        // and dead-lettered rather than stored with a dangling id.
        seat.HasOne<PlayerRow>().WithMany().HasForeignKey(s => s.PlayerId).OnDelete(DeleteBehavior.Restrict);

        // "A player's games in a time range" starts here and joins games by id.
        seat.HasIndex(s => s.PlayerId);
    }

    private static void ConfigureHands(EntityTypeBuilder<HandRow> hand)
    {
        // No foreign key to games, like moves: a hand must not be refused because its game's
        // game_started entry is late or was dead-lettered.
        hand.ToTable("hands", t =>
        {
            t.HasCheckConstraint("ck_hands_winner", "winner IN ('A', 'B')");
            t.HasCheckConstraint("ck_hands_kot", "kot IN ('none', 'kot', 'hakem_kot')");
            t.HasCheckConstraint("ck_hands_hakem", "hakem BETWEEN 0 AND 3");
        });
        hand.HasKey(h => new { h.GameId, h.Number });
        hand.Property(h => h.GameId).HasMaxLength(IdLength);
        hand.Property(h => h.Trump).HasMaxLength(1);
        hand.Property(h => h.Winner).HasMaxLength(1);
        hand.Property(h => h.Kot).HasMaxLength(16);

        // Game patterns: hands by trump suit, by sweep, by Hakem outcome.
        hand.HasIndex(h => h.Trump);
        hand.HasIndex(h => h.Kot);
        hand.HasIndex(h => new { h.Hakem, h.Winner });
    }

    private static void ConfigureMoves(EntityTypeBuilder<MoveRow> move)
    {
        move.ToTable("moves", t =>
        {
            t.HasCheckConstraint("ck_moves_seat", "seat BETWEEN 0 AND 3");
            t.HasCheckConstraint("ck_moves_kind", "kind IN ('trump', 'play')");
        });

        // The idempotency key of the write-behind path: (game id, sequence).
        move.HasKey(m => new { m.GameId, m.Seq });
        move.Property(m => m.GameId).HasMaxLength(IdLength);
        move.Property(m => m.Kind).HasMaxLength(8);
        move.Property(m => m.Card).HasMaxLength(3);
        move.Property(m => m.Suit).HasMaxLength(1);
    }

    private static void ConfigurePlayerStats(EntityTypeBuilder<PlayerStatsRow> stats)
    {
        stats.ToTable("player_stats");
        stats.HasKey(s => s.PlayerId);
        stats.Property(s => s.PlayerId).HasMaxLength(IdLength);
        stats.Property(s => s.Rating).HasDefaultValue(PersistenceDefaults.InitialRating).ValueGeneratedNever();
        stats.HasOne<PlayerRow>().WithOne().HasForeignKey<PlayerStatsRow>(s => s.PlayerId).OnDelete(DeleteBehavior.Cascade);

        // Leaderboards.
        stats.HasIndex(s => s.Rating);
    }

    private static void ConfigurePatternDaily(EntityTypeBuilder<PatternDailyHandsRow> hands, EntityTypeBuilder<PatternDailyGamesRow> games)
    {
        // Pre-aggregated game patterns (Stats/PatternRollup): no foreign keys, the key leads with the
        // day so a date range is one range scan of the primary key.
        hands.ToTable("pattern_daily_hands", t => t.HasCheckConstraint("ck_pattern_daily_hands_counts", "hakem_wins <= hands AND kots <= hands AND hakem_kots <= kots"));
        hands.HasKey(r => new { r.Day, r.HasBots, r.Trump });
        hands.Property(r => r.Trump).HasMaxLength(1);

        games.ToTable("pattern_daily_games", t => t.HasCheckConstraint("ck_pattern_daily_games_bucket", "duration_bucket BETWEEN 0 AND 5"));
        games.HasKey(r => new { r.Day, r.HasBots, r.HandCount, r.DurationBucket });
    }

    private static void ConfigureActionLog(EntityTypeBuilder<ActionLogRow> action)
    {
        // No foreign keys: the eventual mode writes whatever was logged, in any order.
        action.ToTable("action_log");
        action.HasKey(a => a.Id);
        action.Property(a => a.Id).ValueGeneratedNever();
        action.Property(a => a.PlayerId).HasMaxLength(IdLength);
        action.Property(a => a.GameId).HasMaxLength(IdLength);
        action.Property(a => a.Kind).HasMaxLength(NameLength);
        action.HasIndex(a => new { a.PlayerId, a.At });
        action.HasIndex(a => a.GameId);
        action.HasIndex(a => a.At);
    }

    private static void ConfigureDeadLetters(EntityTypeBuilder<DeadLetterRow> letter)
    {
        letter.ToTable("dead_letters");
        letter.HasKey(d => d.Id);
        letter.Property(d => d.Id).ValueGeneratedOnAdd();
        letter.Property(d => d.Source).HasMaxLength(IdLength);
        letter.Property(d => d.Type).HasMaxLength(NameLength);

        // Operators list what still waits, oldest first.
        letter.HasIndex(d => new { d.ReplayedAt, d.Id });
        letter.HasIndex(d => d.Source);
    }
}
