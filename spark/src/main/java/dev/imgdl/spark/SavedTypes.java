package dev.imgdl.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Spark type of each saved column read by the core's readers, whose values are those of
 * the CLI's metadata (String, Long, Double, Boolean or null; a CSV's are all text): a column
 * whose values are all whole numbers is a long, numbers a double, booleans a boolean, and any
 * other mix text, each value as the CLI's metadata writes it as text. A column of JSONL numbers
 * so stays a number, as Spark's JSON reader typed it before.
 */
final class SavedTypes {
  private static final int TEXT = 1;
  private static final int WHOLE = 2;
  private static final int REAL = 4;
  private static final int BOOL = 8;

  private SavedTypes() {}

  /** The types of the {@code count} saved values that start at {@code first} in each row. */
  static List<DataType> of(JavaRDD<Object[]> rows, int first, int count) {
    if (count == 0) {
      return List.of();
    }
    int[] masks = rows.aggregate(new int[count], (acc, values) -> {
      for (int i = 0; i < count; i++) {
        acc[i] |= kind(values[first + i]);
      }
      return acc;
    }, (a, b) -> {
      for (int i = 0; i < count; i++) {
        a[i] |= b[i];
      }
      return a;
    });
    List<DataType> types = new ArrayList<>();
    for (int mask : masks) {
      types.add(type(mask));
    }
    return List.copyOf(types);
  }

  /** {@code value} as a value of {@code type}. */
  static Object value(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return ((Number) value).doubleValue();
    }
    return type.equals(DataTypes.StringType) ? String.valueOf(value) : value;
  }

  private static int kind(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Long) {
      return WHOLE;
    }
    if (value instanceof Double) {
      return REAL;
    }
    return value instanceof Boolean ? BOOL : TEXT;
  }

  private static DataType type(int mask) {
    return switch (mask) {
      case WHOLE -> DataTypes.LongType;
      case REAL, WHOLE | REAL -> DataTypes.DoubleType;
      case BOOL -> DataTypes.BooleanType;
      default -> DataTypes.StringType;
    };
  }
}
