package org.monostore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.monostore.platform.OwnsTables;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * Which module owns which table (its package's {@link OwnsTables}), and where a module's compiled code
 * names another's table in SQL. The compiled strings are what runs: string constants, text blocks and
 * the constant parts of concatenations, but not comments.
 */
final class TableOwnership {

  private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)");
  private static final Pattern SQL = Pattern.compile("\\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|INTO)\\b");

  private TableOwnership() {}

  /** The tables the Flyway migrations create. */
  static Set<String> createdByMigrations() {
    try (Stream<Path> migrations = Files.list(classes().resolve("db/migration"))) {
      Set<String> tables = new TreeSet<>();
      for (Path migration : migrations.toList()) {
        Matcher created = CREATE_TABLE.matcher(Files.readString(migration));
        while (created.find()) {
          tables.add(created.group(1));
        }
      }
      return tables;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each declared table with the module that owns it; a table declared twice fails here. */
  static Map<String, String> declared() {
    Map<String, String> owners = new HashMap<>();
    for (String module : modules()) {
      for (String table : ownedBy(module)) {
        String other = owners.put(table, module);
        if (other != null) {
          throw new AssertionError(table + " is declared by both " + other + " and " + module);
        }
      }
    }
    return owners;
  }

  /** Every place a module's code names another module's table in SQL, as "class names table (owner)". */
  static List<String> crossModuleReads() {
    Map<String, String> owners = declared();
    Map<String, Pattern> named = new HashMap<>();
    owners.keySet().forEach(table -> named.put(table, Pattern.compile("(?<!\\w)" + table + "(?!\\w)")));
    List<String> reads = new ArrayList<>();
    for (String module : modules()) {
      for (Path classFile : classFiles(module)) {
        for (String text : strings(classFile)) {
          boolean sql = SQL.matcher(text).find();
          owners.forEach((table, owner) -> {
            if (!owner.equals(module) && (text.equals(table) || sql && named.get(table).matcher(text).find())) {
              reads.add(className(classFile) + " names " + table + " (owned by " + owner + "): " + text.strip());
            }
          });
        }
      }
    }
    return reads;
  }

  private static Set<String> ownedBy(String module) {
    try {
      OwnsTables owns = Class.forName("org.monostore." + module + ".package-info").getAnnotation(OwnsTables.class);
      return owns == null ? Set.of() : Set.of(owns.value());
    } catch (ClassNotFoundException noPackageInfo) {
      return Set.of();
    }
  }

  /** The modules: the packages right under org.monostore. */
  private static List<String> modules() {
    try (Stream<Path> packages = Files.list(root())) {
      return packages.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> classFiles(String module) {
    try (Stream<Path> files = Files.walk(root().resolve(module))) {
      return files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(Path classFile) {
    List<String> strings = new ArrayList<>();
    MethodVisitor method = new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
      @Override
      public void visitLdcInsn(Object value) {
        if (value instanceof String text) {
          strings.add(text);
        }
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        // A concatenation's constant parts are its recipe's, an argument of the bootstrap method.
        for (Object argument : arguments) {
          if (argument instanceof String text) {
            strings.add(text);
          }
        }
      }
    };
    try {
      new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
          if (value instanceof String text) {
            strings.add(text);
          }
          return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
          return method;
        }
      }, ClassReader.SKIP_DEBUG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return strings;
  }

  private static String className(Path classFile) {
    String relative = classes().relativize(classFile).toString();
    return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
  }

  private static Path root() {
    return classes().resolve("org/monostore");
  }

  /** The store's compiled main classes and resources (not the tests'). */
  private static Path classes() {
    try {
      return Path.of(MonoStoreApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
