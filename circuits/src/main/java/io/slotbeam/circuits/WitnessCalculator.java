package io.slotbeam.circuits;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import io.slotbeam.circuits.WitnessException.Reason;
import io.slotbeam.core.field.Fr;
import io.slotbeam.core.field.FrMontgomery;
import io.slotbeam.core.slots.ProofInput;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Computes circom witnesses in the JVM: runs a circom 2 witness wasm ({@code X_js/X.wasm}) with
 * Chicory, speaking the protocol of circom_runtime's {@code witness_calculator.js}, and gives the
 * same witness as {@code snarkjs wtns calculate} (byte for byte once written by {@link
 * WitnessFile}).
 *
 * <p>The wasm is read, checked (circom 2, field BN254 r) and, by default, compiled to JVM bytecode
 * once, in {@link #load}; the compiler falls back to Chicory's interpreter when it fails on the
 * module ({@link #engine}, {@link #fallbackReason}). For a circuit of about 90k constraints (190k
 * wires) on one core: compiling takes about 3 s (1 s with {@link #load(Path, Path)}'s cache, most
 * of it parsing), the first witness about 1.4 s and later ones about 0.6 s; the interpreter takes
 * about 11 s per witness. Chicory interprets any single wasm function too large for a JVM method
 * (it warns on stderr), e.g. the round-constant functions of circomlib's Poseidon.
 *
 * <p>Inputs are named signals with their values flattened row-major, as snarkjs flattens nested
 * JSON arrays ({@code m[2][3]} is six values {@code m[0][0], m[0][1], …, m[1][2]}). Every input is
 * checked before the wasm runs: a known input signal, exactly its number of values, each value an
 * {@link Fr}, a {@link BigInteger} or an integer ({@code Long}, {@code Integer}) in {@code [0, r)}
 * (snarkjs would reduce negative or large values modulo r; here they are errors), and no input
 * signal left out. A failed {@code ===} or {@code assert} in the circuit becomes a {@link
 * WitnessException} with circom's message, never a raw wasm trap; the calculator stays usable
 * afterwards (a failed run gets a fresh wasm instance).
 *
 * <p><b>Threads.</b> A calculator holds one wasm instance, whose memory a computation mutates, so
 * {@link #calculate} is {@code synchronized}: a calculator may be shared, but its computations run
 * one at a time. To compute witnesses in parallel, give each thread its own {@link #fork}, which
 * shares the parsed and compiled module and costs only a new instance.
 */
public final class WitnessCalculator {
  /** The Chicory execution engine. */
  public enum Engine {
    /** Chicory's ahead-of-time compiler to JVM bytecode: slow to load, fast to run. */
    COMPILER,
    /** Chicory's interpreter: quick to load, several times slower to run. */
    INTERPRETER
  }

  private static final System.Logger LOG = System.getLogger(WitnessCalculator.class.getName());
  private static final int N32 = Fr.BYTES / 4;
  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  private final Path source;
  private final WasmModule module;
  private final Engine engine;
  private final Function<Instance, Machine> machines;
  private final String fallbackReason;
  private final List<Integer> sharedMemoryCandidates;

  // circuit facts, read once
  private final String circomVersion;
  private final int witnessSize;
  private final int inputSize;

  // the live instance and what the host functions collect from it
  private Exports wasm;
  private final StringBuilder errors = new StringBuilder();
  private final StringBuilder logLine = new StringBuilder();

  private WitnessCalculator(
      Path source,
      WasmModule module,
      Engine engine,
      Function<Instance, Machine> machines,
      String fallbackReason) {
    this.source = source;
    this.module = module;
    this.engine = engine;
    this.machines = machines;
    this.fallbackReason = fallbackReason;
    this.sharedMemoryCandidates = sharedMemoryCandidates(module);
    this.wasm = instantiate();
    this.circomVersion = wasm.version();
    checkField(wasm);
    this.witnessSize = wasm.i32(wasm.getWitnessSize);
    this.inputSize = wasm.i32(wasm.getInputSize);
    if (witnessSize < 1 || inputSize < 0) {
      throw new WitnessException(
          Reason.BAD_WASM,
          source
              + ": witness size "
              + witnessSize
              + " and input size "
              + inputSize
              + " make no sense");
    }
  }

  /**
   * Loads a circom witness wasm, compiled by Chicory's compiler, or interpreted when the compiler
   * fails on it.
   *
   * @throws IOException when the file cannot be read
   * @throws WitnessException ({@link Reason#BAD_WASM}) when it is not a circom 2 witness wasm over
   *     BN254
   */
  public static WitnessCalculator load(Path wasmFile) throws IOException {
    return loadCompiled(wasmFile, null);
  }

  /**
   * As {@link #load(Path)}, keeping the compiler's output in {@code cacheDir} (created if needed)
   * so that the next process loading the same wasm skips most of the compiling. Entries are keyed
   * by the wasm's SHA-256 under a folder per Chicory version; a cache that cannot be used is
   * ignored (compiling afresh), never fatal.
   */
  public static WitnessCalculator load(Path wasmFile, Path cacheDir) throws IOException {
    return loadCompiled(wasmFile, Objects.requireNonNull(cacheDir, "cacheDir"));
  }

  /**
   * Loads a circom witness wasm with exactly the given engine (no fallback, no cache).
   *
   * @throws IOException when the file cannot be read
   * @throws WitnessException when it is not a circom 2 witness wasm over BN254, or the engine fails
   *     on it
   */
  public static WitnessCalculator load(Path wasmFile, Engine engine) throws IOException {
    WasmModule module = parse(wasmFile);
    Function<Instance, Machine> machines;
    if (engine == Engine.COMPILER) {
      try {
        machines = MachineFactoryCompiler.compile(module);
      } catch (RuntimeException | LinkageError e) {
        throw new WitnessException(
            Reason.BAD_WASM, "Chicory compiler failed on " + wasmFile + ": " + e, e);
      }
    } else {
      machines = InterpreterMachine::new;
    }
    return new WitnessCalculator(wasmFile, module, engine, machines, null);
  }

  private static WitnessCalculator loadCompiled(Path wasmFile, Path cacheDir) throws IOException {
    WasmModule module = parse(wasmFile);
    if (cacheDir != null) {
      CompileCache cache = CompileCache.open(cacheDir);
      Attempt cached = tryCompiled(wasmFile, module, cache);
      if (cached.calculator() != null) {
        return cached.calculator();
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "compiling {0} through the cache {1} failed, clearing it and compiling afresh: {2}",
          wasmFile,
          cacheDir,
          cached.failure());
      cache.clear(); // the next load fills it again
    }
    Attempt fresh = tryCompiled(wasmFile, module, null);
    if (fresh.calculator() != null) {
      return fresh.calculator();
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "Chicory compiler failed on {0}, interpreting it instead: {1}",
        wasmFile,
        fresh.failure());
    return new WitnessCalculator(
        wasmFile, module, Engine.INTERPRETER, InterpreterMachine::new, fresh.failure());
  }

  /** A compiled calculator, or why compiling failed. */
  private record Attempt(WitnessCalculator calculator, String failure) {}

  /** Compiles; a wasm that is not a usable circom witness wasm is thrown, any other failure kept. */
  private static Attempt tryCompiled(Path wasmFile, WasmModule module, CompileCache cache) {
    try {
      return new Attempt(compiled(wasmFile, module, cache), null);
    } catch (WitnessException e) {
      if (e.reason() == Reason.BAD_WASM) {
        throw e;
      }
      return new Attempt(null, e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return new Attempt(null, e.toString());
    }
  }

  private static WitnessCalculator compiled(Path wasmFile, WasmModule module, CompileCache cache) {
    MachineFactoryCompiler.Builder compiler = MachineFactoryCompiler.builder(module);
    if (cache != null) {
      compiler = compiler.withCache(cache);
    }
    return new WitnessCalculator(wasmFile, module, Engine.COMPILER, compiler.compile(), null);
  }

  /**
   * Another calculator for the same circuit, sharing this one's parsed and compiled module, with
   * its own wasm instance: the way to compute witnesses on several threads.
   */
  public WitnessCalculator fork() {
    return new WitnessCalculator(source, module, engine, machines, fallbackReason);
  }

  /** The engine running the wasm. */
  public Engine engine() {
    return engine;
  }

  /** Why {@link #load(Path)} fell back to the interpreter, if it did. */
  public Optional<String> fallbackReason() {
    return Optional.ofNullable(fallbackReason);
  }

  /** The circom version that built the wasm, e.g. {@code "2.2.3"}. */
  public String circomVersion() {
    return circomVersion;
  }

  /** The number of wires of a witness. */
  public int witnessSize() {
    return witnessSize;
  }

  /** The number of input values the circuit takes, all input signals flattened. */
  public int inputSize() {
    return inputSize;
  }

  /**
   * Where the wasm's shared read-write memory lives, or -1 when the witness is read through {@code
   * readSharedRWMemory} (for tests: circom 2 output should always give an address).
   */
  synchronized int sharedMemoryAddress() {
    return wasm.shared;
  }

  /**
   * The number of values of the input signal {@code name}, or -1 when the circuit has no such input
   * signal.
   */
  public synchronized int inputSignalSize(String name) {
    long hash = fnv1a64(name);
    int size = wasm.i32(wasm.getInputSignalSize, hash >>> 32, hash & 0xFFFFFFFFL);
    return size < 0 ? -1 : size;
  }

  /**
   * The witness of the storage-proof circuit for {@code input}: its signals as {@link
   * #inputsOf(ProofInput)} names and flattens them.
   *
   * @throws WitnessException as {@link #calculate(Map)}
   */
  public Witness calculate(ProofInput input) {
    return calculate(inputsOf(input));
  }

  /**
   * The witness for {@code inputs}: input signal name to its values, flattened row-major. Signals
   * are set in the map's iteration order (which does not change the witness).
   *
   * @throws WitnessException naming the signal and index for an unknown signal ({@link
   *     Reason#UNKNOWN_SIGNAL}), a wrong number of values ({@link Reason#WRONG_COUNT}), a value not
   *     in {@code [0, r)} or of another type ({@link Reason#BAD_VALUE}), signals left out ({@link
   *     Reason#MISSING_INPUTS}); with circom's message when the circuit fails ({@link
   *     Reason#CIRCUIT_ERROR}); {@link Reason#WASM_TRAP} when the wasm fails otherwise
   */
  public synchronized Witness calculate(Map<String, ? extends List<?>> inputs) {
    Objects.requireNonNull(inputs, "inputs");
    List<Prepared> prepared = new ArrayList<>(inputs.size());
    long given = 0;
    for (Map.Entry<String, ? extends List<?>> entry : inputs.entrySet()) {
      Prepared p = prepare(entry.getKey(), entry.getValue());
      prepared.add(p);
      given += p.count();
    }
    if (given != inputSize) {
      throw new WitnessException(
          Reason.MISSING_INPUTS,
          "the circuit takes "
              + inputSize
              + " input values but the "
              + inputs.size()
              + " signals given hold "
              + given
              + "; some input signals are missing");
    }
    try {
      return run(prepared);
    } catch (RuntimeException | StackOverflowError e) {
      CircomError circom = circomError(e);
      WitnessException failure =
          circom != null
              ? new WitnessException(Reason.CIRCUIT_ERROR, circom.getMessage(), e)
              : new WitnessException(
                  Reason.WASM_TRAP, "witness wasm " + source.getFileName() + " failed: " + e, e);
      try {
        renew();
      } catch (RuntimeException again) {
        failure.addSuppressed(again);
      }
      throw failure;
    }
  }

  /**
   * The storage-proof circuit's input signals of {@code input}, in the order of the circuit input
   * JSON: {@code dataSetRoot, entropy, nCellsPerSlot, nSlotsPerDataSet, slotIndex, slotRoot,
   * slotProof, cellData, merklePaths}, the last two flattened row-major (sample by sample).
   *
   * @throws WitnessException ({@link Reason#WRONG_COUNT}) when the samples' {@code cellData} or
   *     {@code merklePaths} rows differ in length (the circuit takes rectangular arrays)
   */
  public static Map<String, List<Fr>> inputsOf(ProofInput input) {
    Map<String, List<Fr>> signals = new LinkedHashMap<>();
    signals.put("dataSetRoot", List.of(input.dataSetRoot()));
    signals.put("entropy", List.of(input.entropy()));
    signals.put("nCellsPerSlot", List.of(Fr.of(input.nCellsPerSlot())));
    signals.put("nSlotsPerDataSet", List.of(Fr.of(input.nSlotsPerDataSet())));
    signals.put("slotIndex", List.of(Fr.of(input.slotIndex())));
    signals.put("slotRoot", List.of(input.slotRoot()));
    signals.put("slotProof", input.slotProof());
    signals.put("cellData", rowMajor("cellData", input.samples(), ProofInput.Sample::cellData));
    signals.put(
        "merklePaths", rowMajor("merklePaths", input.samples(), ProofInput.Sample::merklePaths));
    return signals;
  }

  /** circom's input signal hash: FNV-1a 64 over the UTF-16 code units of the name. */
  static long fnv1a64(String name) {
    long hash = FNV_OFFSET;
    for (int i = 0; i < name.length(); i++) {
      hash ^= name.charAt(i);
      hash *= FNV_PRIME;
    }
    return hash;
  }

  // ---- computing ----

  /** An input signal, checked, with its values as little-endian u32 limbs. */
  private record Prepared(String name, long hash, int[] limbs) {
    int count() {
      return limbs.length / N32;
    }
  }

  private Prepared prepare(String name, List<?> values) {
    if (name == null) {
      throw new WitnessException(Reason.UNKNOWN_SIGNAL, "an input signal name is null");
    }
    long hash = fnv1a64(name);
    int size = wasm.i32(wasm.getInputSignalSize, hash >>> 32, hash & 0xFFFFFFFFL);
    if (size < 0) {
      throw new WitnessException(
          Reason.UNKNOWN_SIGNAL,
          name,
          -1,
          "input signal " + name + " is not an input of the circuit",
          null);
    }
    if (values == null || values.size() != size) {
      throw new WitnessException(
          Reason.WRONG_COUNT,
          name,
          -1,
          "input signal "
              + name
              + " has "
              + size
              + (size == 1 ? " value" : " values")
              + " but "
              + (values == null ? "null" : values.size())
              + " were given",
          null);
    }
    int[] limbs = new int[size * N32];
    int i = 0;
    for (Object value : values) {
      toLimbs(name, i, value, limbs, i * N32);
      i++;
    }
    return new Prepared(name, hash, limbs);
  }

  private static void toLimbs(String name, int index, Object value, int[] dest, int offset) {
    BigInteger integer;
    if (value instanceof Fr) {
      long[] canonical = new long[4];
      ((Fr) value).copyCanonicalLimbs(canonical, 0);
      for (int k = 0; k < 4; k++) {
        dest[offset + 2 * k] = (int) canonical[k];
        dest[offset + 2 * k + 1] = (int) (canonical[k] >>> 32);
      }
      return;
    } else if (value instanceof BigInteger) {
      integer = (BigInteger) value;
    } else if (value instanceof Long || value instanceof Integer) {
      integer = BigInteger.valueOf(((Number) value).longValue());
    } else {
      throw new WitnessException(
          Reason.BAD_VALUE,
          name,
          index,
          "input signal "
              + name
              + "["
              + index
              + "]: "
              + (value == null ? "null" : "a " + value.getClass().getSimpleName())
              + " is not a field element (Fr, BigInteger, Long or Integer)",
          null);
    }
    if (integer.signum() < 0 || integer.compareTo(FrMontgomery.MODULUS) >= 0) {
      throw new WitnessException(
          Reason.BAD_VALUE,
          name,
          index,
          "input signal " + name + "[" + index + "]: " + integer + " is not in [0, r)",
          null);
    }
    for (int k = 0; k < N32; k++) {
      dest[offset + k] = integer.shiftRight(32 * k).intValue();
    }
  }

  private Witness run(List<Prepared> inputs) {
    errors.setLength(0);
    Exports w = wasm;
    w.call(w.init, 0);
    for (Prepared p : inputs) {
      long msb = p.hash() >>> 32;
      long lsb = p.hash() & 0xFFFFFFFFL;
      int[] limbs = p.limbs();
      for (int i = 0; i < p.count(); i++) {
        for (int j = 0; j < N32; j++) {
          w.call(w.writeSharedRWMemory, j, Integer.toUnsignedLong(limbs[i * N32 + j]));
        }
        w.call(w.setInputSignal, msb, lsb, i);
      }
    }
    byte[] out = new byte[witnessSize * Fr.BYTES];
    if (w.shared >= 0) {
      // getWitness(i) leaves wire i in the shared memory; read it there, 8 bytes at a time
      Memory memory = w.memory;
      ByteBuffer le = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < witnessSize; i++) {
        w.call(w.getWitness, i);
        for (int k = 0; k < Fr.BYTES; k += 8) {
          le.putLong(memory.readLong(w.shared + k));
        }
      }
      return Witness.wrapTrusted(out);
    }
    for (int i = 0, o = 0; i < witnessSize; i++) {
      w.call(w.getWitness, i);
      for (int j = 0; j < N32; j++, o += 4) {
        int limb = w.i32(w.readSharedRWMemory, j);
        out[o] = (byte) limb;
        out[o + 1] = (byte) (limb >>> 8);
        out[o + 2] = (byte) (limb >>> 16);
        out[o + 3] = (byte) (limb >>> 24);
      }
    }
    return Witness.wrapTrusted(out);
  }

  private static List<Fr> rowMajor(
      String name, List<ProofInput.Sample> samples, Function<ProofInput.Sample, List<Fr>> row) {
    List<Fr> flat = new ArrayList<>();
    int width = -1;
    for (int s = 0; s < samples.size(); s++) {
      List<Fr> values = row.apply(samples.get(s));
      if (width >= 0 && values.size() != width) {
        throw new WitnessException(
            Reason.WRONG_COUNT,
            name,
            s,
            "input signal "
                + name
                + "["
                + s
                + "] has "
                + values.size()
                + " values but "
                + name
                + "[0] has "
                + width
                + "; the circuit takes a rectangular array",
            null);
      }
      width = values.size();
      flat.addAll(values);
    }
    return flat;
  }

  // ---- the wasm instance ----

  /** The wasm exports of one instance, looked up once. */
  private static final class Exports {
    final ExportFunction init;
    final ExportFunction getFieldNumLen32;
    final ExportFunction getRawPrime;
    final ExportFunction readSharedRWMemory;
    final ExportFunction writeSharedRWMemory;
    final ExportFunction getInputSignalSize;
    final ExportFunction setInputSignal;
    final ExportFunction getInputSize;
    final ExportFunction getWitnessSize;
    final ExportFunction getWitness;
    final ExportFunction getVersion;
    final ExportFunction getMinorVersion; // may be null (circom before 2.0.7)
    final ExportFunction getPatchVersion; // may be null
    final Memory memory;
    int shared = -1; // address of the shared read-write memory, or -1: use readSharedRWMemory

    Exports(Instance instance, Path source) {
      memory = memoryOf(instance);
      init = required(instance, source, "init");
      getFieldNumLen32 = required(instance, source, "getFieldNumLen32");
      getRawPrime = required(instance, source, "getRawPrime");
      readSharedRWMemory = required(instance, source, "readSharedRWMemory");
      writeSharedRWMemory = required(instance, source, "writeSharedRWMemory");
      getInputSignalSize = required(instance, source, "getInputSignalSize");
      setInputSignal = required(instance, source, "setInputSignal");
      getInputSize = required(instance, source, "getInputSize");
      getWitnessSize = required(instance, source, "getWitnessSize");
      getWitness = required(instance, source, "getWitness");
      getVersion = required(instance, source, "getVersion");
      getMinorVersion = optional(instance, "getMinorVersion");
      getPatchVersion = optional(instance, "getPatchVersion");
    }

    long[] call(ExportFunction f, long... args) {
      return f.apply(args);
    }

    int i32(ExportFunction f, long... args) {
      long[] result = f.apply(args);
      return (int) result[0];
    }

    String version() {
      int major = i32(getVersion);
      return major
          + "."
          + (getMinorVersion == null ? 0 : i32(getMinorVersion))
          + "."
          + (getPatchVersion == null ? 0 : i32(getPatchVersion));
    }

    private static Memory memoryOf(Instance instance) {
      try {
        return instance.memory();
      } catch (RuntimeException e) {
        return null;
      }
    }

    private static ExportFunction required(Instance instance, Path source, String name) {
      ExportFunction f = optional(instance, name);
      if (f == null) {
        throw new WitnessException(
            Reason.BAD_WASM,
            source + " is not a circom 2 witness wasm: it does not export " + name);
      }
      return f;
    }

    private static ExportFunction optional(Instance instance, String name) {
      try {
        return instance.exports().function(name);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  private static WasmModule parse(Path wasmFile) throws IOException {
    byte[] bytes = Files.readAllBytes(wasmFile);
    try {
      return Parser.parse(bytes);
    } catch (RuntimeException e) {
      throw new WitnessException(Reason.BAD_WASM, wasmFile + " is not a wasm module: " + e, e);
    }
  }

  private Exports instantiate() {
    List<HostFunction> host =
        List.of(
            new HostFunction(
                "runtime",
                "exceptionHandler",
                FunctionType.of(List.of(ValType.I32), List.of()),
                (instance, args) -> {
                  throw new CircomError(exceptionText((int) args[0]) + trimmed(errors));
                }),
            new HostFunction(
                "runtime",
                "printErrorMessage",
                FunctionType.empty(),
                (instance, args) -> {
                  errors.append(message(instance)).append('\n');
                  return null;
                }),
            new HostFunction(
                "runtime",
                "writeBufferMessage",
                FunctionType.empty(),
                (instance, args) -> {
                  String msg = message(instance);
                  if (msg.equals("\n")) {
                    flushLog();
                  } else {
                    appendLog(msg);
                  }
                  return null;
                }),
            new HostFunction(
                "runtime",
                "showSharedRWMemory",
                FunctionType.empty(),
                (instance, args) -> {
                  appendLog(sharedValue(instance).toString());
                  return null;
                }));
    Instance instance;
    try {
      instance =
          Instance.builder(module)
              .withImportValues(ImportValues.builder().withFunctions(List.copyOf(host)).build())
              .withMachineFactory(machines)
              .withMemoryFactory(ByteArrayMemory::new) // faster than the default ByteBufferMemory
              .build();
    } catch (RuntimeException e) {
      CircomError circom = circomError(e);
      if (circom != null) {
        throw new WitnessException(Reason.CIRCUIT_ERROR, circom.getMessage(), e);
      }
      throw new WitnessException(
          Reason.WASM_TRAP, "cannot instantiate " + source + " with " + engine + ": " + e, e);
    }
    Exports exports = new Exports(instance, source);
    exports.shared = sharedMemoryAddress(exports, sharedMemoryCandidates);
    return exports;
  }

  /**
   * The {@code i32.const} operands of {@code readSharedRWMemory}'s body: circom compiles it to
   * {@code load(SHARED_RW_MEMORY_START + 4 * j)}, so one of them is where the shared memory lives.
   */
  private static List<Integer> sharedMemoryCandidates(WasmModule module) {
    List<Integer> candidates = new ArrayList<>();
    try {
      int imported = module.importSection().count(ExternalType.FUNCTION);
      for (int e = 0; e < module.exportSection().exportCount(); e++) {
        Export export = module.exportSection().getExport(e);
        if (export.exportType() == ExternalType.FUNCTION
            && export.name().equals("readSharedRWMemory")
            && export.index() >= imported) {
          for (AnnotatedInstruction ins :
              module.codeSection().getFunctionBody(export.index() - imported).instructions()) {
            if (ins.opcode() == OpCode.I32_CONST && ins.operand(0) >= 0) {
              candidates.add((int) ins.operand(0));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      candidates.clear(); // an unexpected shape: keep to the protocol
    }
    return List.copyOf(candidates);
  }

  /**
   * The candidate address at which {@code writeSharedRWMemory} provably writes and {@code
   * readSharedRWMemory} provably reads (two patterns through the exports, checked in memory), or -1
   * to read the witness through the exports.
   */
  private static int sharedMemoryAddress(Exports w, List<Integer> candidates) {
    if (w.memory == null) {
      return -1;
    }
    for (int address : candidates) {
      if ((long) address + Fr.BYTES <= (long) w.memory.pages() * Memory.PAGE_SIZE
          && probe(w, address, 0x9E3779B9)
          && probe(w, address, 0x7F4A7C15)) {
        return address;
      }
    }
    return -1;
  }

  private static boolean probe(Exports w, int address, int seed) {
    for (int j = 0; j < N32; j++) {
      w.call(w.writeSharedRWMemory, j, Integer.toUnsignedLong(seed * (j + 1)));
    }
    for (int j = 0; j < N32; j++) {
      int expected = seed * (j + 1);
      if (w.memory.readInt(address + 4 * j) != expected
          || w.i32(w.readSharedRWMemory, j) != expected) {
        return false;
      }
    }
    return true;
  }

  private void checkField(Exports w) {
    if (!circomVersion.startsWith("2.")) {
      throw new WitnessException(
          Reason.BAD_WASM, source + " was built by circom " + circomVersion + ", not circom 2");
    }
    int n32 = w.i32(w.getFieldNumLen32);
    BigInteger prime = BigInteger.ZERO;
    if (n32 > 0 && n32 <= 64) {
      w.call(w.getRawPrime);
      for (int j = n32 - 1; j >= 0; j--) {
        prime =
            prime
                .shiftLeft(32)
                .or(BigInteger.valueOf(w.i32(w.readSharedRWMemory, j) & 0xFFFFFFFFL));
      }
    }
    if (n32 != N32 || !prime.equals(FrMontgomery.MODULUS)) {
      throw new WitnessException(
          Reason.BAD_WASM,
          source
              + " computes over the prime "
              + prime
              + " ("
              + n32
              + " u32 limbs), not BN254 r = "
              + FrMontgomery.MODULUS);
    }
  }

  /** Replaces the instance after a failed run, whose memory may be half-written. */
  private void renew() {
    errors.setLength(0);
    logLine.setLength(0);
    wasm = instantiate();
  }

  private static String message(Instance instance) {
    ExportFunction next = instance.exports().function("getMessageChar");
    StringBuilder s = new StringBuilder();
    for (int c = (int) next.apply()[0]; c != 0; c = (int) next.apply()[0]) {
      s.append((char) c);
    }
    return s.toString();
  }

  private static BigInteger sharedValue(Instance instance) {
    int n32 = (int) instance.exports().function("getFieldNumLen32").apply()[0];
    ExportFunction read = instance.exports().function("readSharedRWMemory");
    BigInteger value = BigInteger.ZERO;
    for (int j = n32 - 1; j >= 0; j--) {
      value = value.shiftLeft(32).or(BigInteger.valueOf(read.apply(j)[0] & 0xFFFFFFFFL));
    }
    return value;
  }

  private void appendLog(String msg) {
    if (logLine.length() > 0) {
      logLine.append(' ');
    }
    logLine.append(msg);
  }

  private void flushLog() {
    LOG.log(System.Logger.Level.INFO, "circom log: {0}", logLine.toString());
    logLine.setLength(0);
  }

  /** circom_runtime's text for an {@code exceptionHandler} code. */
  private static String exceptionText(int code) {
    switch (code) {
      case 1:
        return "Signal not found. ";
      case 2:
        return "Too many signals set. ";
      case 3:
        return "Signal already set. ";
      case 4:
        return "Assert Failed. ";
      case 5:
        return "Not enough memory. ";
      case 6:
        return "Input signal array access exceeds the size. ";
      default:
        return "Unknown error " + code + ". ";
    }
  }

  private static String trimmed(CharSequence s) {
    return s.toString().strip();
  }

  private static CircomError circomError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CircomError) {
        return (CircomError) t;
      }
    }
    return null;
  }

  /**
   * Chicory's compiler output on disk: one file per key under a folder per Chicory version, each
   * written to a temporary file and renamed into place.
   */
  private static final class CompileCache implements Cache {
    private final Path dir;

    private CompileCache(Path dir) {
      this.dir = dir;
    }

    /** The cache in {@code root}, or null (logged) when it cannot be used. */
    static CompileCache open(Path root) {
      String version = chicoryVersion();
      if (version == null) {
        LOG.log(System.Logger.Level.WARNING, "Chicory version unknown: not caching compiled code");
        return null;
      }
      try {
        return new CompileCache(Files.createDirectories(root.resolve("chicory-" + version)));
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "compile cache {0} unusable: {1}", root, e);
        return null;
      }
    }

    /** Deletes every entry (best effort), after an entry failed to load. */
    void clear() {
      try (var entries = Files.list(dir)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          Files.deleteIfExists(entry);
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot clear compile cache {0}: {1}", dir, e);
      }
    }

    @Override
    public byte[] get(String key) throws IOException {
      Path file = dir.resolve(fileName(key));
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    @Override
    public void putIfAbsent(String key, byte[] data) throws IOException {
      Path file = dir.resolve(fileName(key));
      if (Files.exists(file)) {
        return;
      }
      Path tmp = Files.createTempFile(dir, "entry", ".tmp");
      try {
        Files.write(tmp, data);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
          // another process won the race with the same bytes
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    private static String fileName(String key) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        s.append(Character.isLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
      }
      return s.append(".bin").toString();
    }

    private static String chicoryVersion() {
      try (InputStream in =
          MachineFactoryCompiler.class.getResourceAsStream(
              "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
        if (in == null) {
          return null;
        }
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        return version == null || !version.matches("[A-Za-z0-9._-]+") ? null : version;
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** Thrown by the host functions to unwind the wasm when circom reports an error. */
  private static final class CircomError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CircomError(String message) {
      super(message, null, false, false);
    }
  }
}
