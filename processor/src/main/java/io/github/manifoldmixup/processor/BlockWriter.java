package io.github.manifoldmixup.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.TypeVariableName;
import com.squareup.javapoet.WildcardTypeName;
import io.github.manifoldmixup.processor.BlockModel.Child;
import io.github.manifoldmixup.processor.BlockModel.Role;
import io.github.manifoldmixup.processor.BlockModel.SiteEntry;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the instrumented subclass of a valid {@code @Mixable} class with JavaPoet.
 *
 * <p>The generated code calls only the public API of the runtime module ({@code SiteTable}, {@code
 * Site}, {@code SiteHooks}, {@code DrawSource}, {@code InstrumentedBlock}) and DJL, named here by
 * strings: the processor itself has neither on its classpath.
 */
final class BlockWriter {

    private static final String RUNTIME = "io.github.manifoldmixup.runtime";
    private static final ClassName SITE_TABLE = ClassName.get(RUNTIME, "SiteTable");
    private static final ClassName SITE = ClassName.get(RUNTIME, "Site");
    private static final ClassName SITE_HOOKS = ClassName.get(RUNTIME, "SiteHooks");
    private static final ClassName INSTRUMENTED_BLOCK = ClassName.get(RUNTIME, "InstrumentedBlock");
    private static final ClassName NDLIST = ClassName.get("ai.djl.ndarray", "NDList");
    private static final ClassName NDMANAGER = ClassName.get("ai.djl.ndarray", "NDManager");
    private static final ClassName SHAPE = ClassName.get("ai.djl.ndarray.types", "Shape");
    private static final ClassName DATA_TYPE = ClassName.get("ai.djl.ndarray.types", "DataType");
    private static final ClassName PARAMETER_STORE =
            ClassName.get("ai.djl.training", "ParameterStore");
    private static final TypeName PARAMS =
            ParameterizedTypeName.get(
                    ClassName.get("ai.djl.util", "PairList"),
                    ClassName.get(String.class),
                    ClassName.OBJECT);
    private static final ArrayTypeName SHAPES = ArrayTypeName.of(SHAPE);

    private static final String SITES = "SITES";
    private static final String HOOKS = "mixupHooks";

    private final ClassName generatedAnnotation;
    private final String processorName;

    /**
     * Returns a writer.
     *
     * @param generatedAnnotation the {@code @Generated} annotation the user's platform has, or
     *     {@code null} if none
     * @param processorName the qualified name of the processor, the annotation's value
     */
    BlockWriter(ClassName generatedAnnotation, String processorName) {
        this.generatedAnnotation = generatedAnnotation;
        this.processorName = processorName;
    }

    /**
     * Writes the generated class of a model.
     *
     * @param model a valid class
     * @return the source file
     */
    JavaFile write(BlockModel model) {
        TypeElement element = model.element();
        List<TypeVariableName> typeVariables = new ArrayList<>();
        for (TypeParameterElement parameter : element.getTypeParameters()) {
            typeVariables.add(TypeVariableName.get(parameter));
        }
        TypeName superclass = model.userClass();
        if (!typeVariables.isEmpty()) {
            superclass =
                    ParameterizedTypeName.get(
                            model.userClass(), typeVariables.toArray(new TypeName[0]));
        }

        TypeSpec.Builder type =
                TypeSpec.classBuilder(model.generatedClass())
                        .addJavadoc(classJavadoc(model))
                        .addTypeVariables(typeVariables)
                        .superclass(superclass)
                        .addSuperinterface(INSTRUMENTED_BLOCK);
        if (generatedAnnotation != null) {
            type.addAnnotation(
                    AnnotationSpec.builder(generatedAnnotation)
                            .addMember("value", "$S", processorName)
                            .build());
        }
        if (isDeprecated(element)) {
            type.addAnnotation(Deprecated.class);
        }
        if (isEffectivelyPublic(element)) {
            type.addModifiers(Modifier.PUBLIC);
        }

        type.addField(sitesField(model));
        type.addField(
                FieldSpec.builder(SITE_HOOKS, HOOKS, Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T($L)", SITE_HOOKS, SITES)
                        .build());
        for (ExecutableElement constructor : model.constructors()) {
            type.addMethod(constructor(model, constructor));
        }
        type.addMethod(getSiteHooks(model));
        type.addMethod(model.customForward() ? wrappedForward(model) : chainedForward(model));
        if (model.writeOutputShapes()) {
            type.addMethod(outputShapes(model));
        }
        if (model.writeInitializeChildren()) {
            type.addMethod(initializeChildren(model));
        }
        type.addMethod(bindSites(model));
        type.addMethod(nestedPath());

        return JavaFile.builder(model.generatedClass().packageName(), type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static CodeBlock classJavadoc(BlockModel model) {
        CodeBlock.Builder doc =
                CodeBlock.builder()
                        .add(
                                "Instrumented {@link $T}: the same block, which in a training pass"
                                        + " with a draw source\nblends the hidden state after the"
                                        + " site that the draw selected.\n",
                                model.userClass())
                        .add(
                                "\n<p>Generated by the mixup annotation processor from the"
                                        + " annotations of {@link $T}.\n",
                                model.userClass());
        if (model.customForward()) {
            doc.add(
                    "That class writes its own forward; this one fronts each site field by a site block.\n");
        } else {
            doc.add(
                    "That class declares its child blocks and no forward; this one registers them"
                            + " in\ndeclaration order and chains them.\n");
        }
        doc.add("\n<p>Sites, numbered from 1 (0 is the model input):\n\n<ol>\n");
        for (SiteEntry site : model.sites()) {
            String kind = site.blockType().substring(site.blockType().lastIndexOf('.') + 1);
            doc.add(
                    "  <li>{@code $L} ({@code $L}$L)\n",
                    site.path(),
                    kind,
                    site.residual() ? ", residual unit" : "");
        }
        return doc.add("</ol>\n").build();
    }

    private static FieldSpec sitesField(BlockModel model) {
        CodeBlock.Builder table = CodeBlock.builder().add("$T.of(\n$>$>", SITE_TABLE);
        List<SiteEntry> sites = model.sites();
        for (int i = 0; i < sites.size(); i++) {
            SiteEntry site = sites.get(i);
            table.add(
                    "new $T($L, $S, $S, $L)$L",
                    SITE,
                    site.index(),
                    site.path(),
                    site.blockType(),
                    site.residual(),
                    i + 1 < sites.size() ? ",\n" : "");
        }
        table.add(")$<$<");
        return FieldSpec.builder(
                        SITE_TABLE, SITES, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The mixup sites of {@link $T}, numbered from 1.\n", model.userClass())
                .initializer(table.build())
                .build();
    }

    private static MethodSpec constructor(BlockModel model, ExecutableElement constructor) {
        MethodSpec.Builder method = MethodSpec.constructorBuilder();
        if (constructor.getModifiers().contains(Modifier.PUBLIC)
                || constructor.getModifiers().contains(Modifier.PROTECTED)) {
            method.addModifiers(Modifier.PUBLIC);
        }
        if (isDeprecated(constructor)) {
            method.addAnnotation(Deprecated.class);
        }
        for (TypeParameterElement parameter : constructor.getTypeParameters()) {
            method.addTypeVariable(TypeVariableName.get(parameter));
        }
        List<String> arguments = new ArrayList<>();
        for (VariableElement parameter : constructor.getParameters()) {
            method.addParameter(ParameterSpec.get(parameter));
            arguments.add(parameter.getSimpleName().toString());
        }
        method.varargs(constructor.isVarArgs());
        for (TypeMirror thrown : constructor.getThrownTypes()) {
            method.addException(TypeName.get(thrown));
        }

        method.addJavadoc(
                "Creates the block as the {@link $T} constructor with these parameters does,\n"
                        + "then $L.\n",
                model.userClass(),
                model.customForward()
                        ? "fronts its site fields"
                        : "registers its child blocks in declaration order");
        method.addStatement("super($L)", String.join(", ", arguments));
        for (Child child : model.children()) {
            if (child.role() == Role.NESTED) {
                method.addStatement(
                        "$T.bindSites(this.$L, this.$L, $L)",
                        child.nestedGenerated(),
                        child.name(),
                        HOOKS,
                        child.siteOffset());
            }
            if (!model.customForward()) {
                method.addStatement("addChildBlock($S, this.$L)", child.name(), child.name());
            } else if (child.role() == Role.SITE) {
                method.addStatement(
                        "this.$L = this.$L.site($L, this.$L)",
                        child.name(),
                        HOOKS,
                        child.siteIndex(),
                        child.name());
            }
        }
        return method.build();
    }

    private static MethodSpec getSiteHooks(BlockModel model) {
        return MethodSpec.methodBuilder("getSiteHooks")
                .addJavadoc(
                        "Returns the mixing hooks of this block; an enclosing instrumented block"
                                + " nests them\nunder its own (see {@link #bindSites($T, $T,"
                                + " int)}).\n\n@return the hooks\n",
                        model.userClass(),
                        SITE_HOOKS)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(SITE_HOOKS)
                .addStatement("return $L", HOOKS)
                .build();
    }

    private static MethodSpec.Builder forwardSignature(Modifier access) {
        return MethodSpec.methodBuilder("forwardInternal")
                .addAnnotation(Override.class)
                .addModifiers(access)
                .returns(NDLIST)
                .addParameter(PARAMETER_STORE, "parameterStore")
                .addParameter(NDLIST, "inputs")
                .addParameter(TypeName.BOOLEAN, "training")
                .addParameter(PARAMS, "params");
    }

    private static MethodSpec chainedForward(BlockModel model) {
        MethodSpec.Builder method = forwardSignature(Modifier.PROTECTED);
        method.addStatement("$T x = $L.enter(inputs, training)", NDLIST, HOOKS);
        for (Child child : model.children()) {
            method.addStatement(
                    "x = this.$L.forward(parameterStore, x, training, params)", child.name());
            if (child.role() == Role.SITE) {
                method.addStatement("x = $L.afterSite($L, x, training)", HOOKS, child.siteIndex());
            }
        }
        return method.addStatement("return $L.exit(x, training)", HOOKS).build();
    }

    private static MethodSpec wrappedForward(BlockModel model) {
        Modifier access = model.publicForward() ? Modifier.PUBLIC : Modifier.PROTECTED;
        return forwardSignature(access)
                .addStatement("$T x = $L.enter(inputs, training)", NDLIST, HOOKS)
                .addStatement("x = super.forwardInternal(parameterStore, x, training, params)")
                .addStatement("return $L.exit(x, training)", HOOKS)
                .build();
    }

    private static MethodSpec outputShapes(BlockModel model) {
        MethodSpec.Builder method =
                MethodSpec.methodBuilder("getOutputShapes")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(SHAPES)
                        .addParameter(SHAPES, "inputShapes")
                        .addStatement("$T shapes = inputShapes", SHAPES);
        for (Child child : model.children()) {
            method.addStatement("shapes = this.$L.getOutputShapes(shapes)", child.name());
        }
        return method.addStatement("return shapes").build();
    }

    private static MethodSpec initializeChildren(BlockModel model) {
        MethodSpec.Builder method =
                MethodSpec.methodBuilder("initializeChildBlocks")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .addParameter(NDMANAGER, "manager")
                        .addParameter(DATA_TYPE, "dataType")
                        .addParameter(SHAPES, "inputShapes")
                        .varargs(true)
                        .addStatement("$T shapes = inputShapes", SHAPES);
        List<Child> children = model.children();
        for (int i = 0; i < children.size(); i++) {
            String name = children.get(i).name();
            method.addStatement("this.$L.initialize(manager, dataType, shapes)", name);
            if (i + 1 < children.size()) {
                method.addStatement("shapes = this.$L.getOutputShapes(shapes)", name);
            }
        }
        return method.build();
    }

    private static MethodSpec bindSites(BlockModel model) {
        TypeName userType = wildcarded(model.userClass(), model.element());
        TypeName generatedType = wildcarded(model.generatedClass(), model.element());
        String userName = model.userClass().simpleName();
        String generatedName = model.generatedClass().simpleName();

        MethodSpec.Builder method =
                MethodSpec.methodBuilder("bindSites")
                        .addJavadoc(
                                "Nests the sites of a {@link $T} in an enclosing instrumented"
                                        + " block: site {@code i}\nof {@link #$L} becomes site"
                                        + " {@code offset + i} of {@code outer}. The generated\n"
                                        + "constructor of the enclosing block calls this for each"
                                        + " of its fields of this type.\n",
                                model.userClass(),
                                SITES)
                        .addJavadoc(
                                model.customForward()
                                        ? "\n<p>A {@code $L} is nested as it is; the site fields"
                                                + " of a plain {@code $L} are fronted\nby site"
                                                + " blocks of {@code outer}.\n"
                                        : "\n<p>Only a {@code $L} can mix: {@code $L} has no"
                                                + " forward of its own.\n",
                                generatedName,
                                userName)
                        .addJavadoc(
                                "\n@param block the nested block\n"
                                        + "@param outer the hooks of the enclosing block\n"
                                        + "@param offset the number of sites of {@code outer}"
                                        + " before the first site of {@code block}\n"
                                        + "@throws IllegalStateException if {@code block} is"
                                        + " null$L\n",
                                model.customForward()
                                        ? ""
                                        : " or not a {@code " + generatedName + "}")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(userType, "block")
                        .addParameter(SITE_HOOKS, "outer")
                        .addParameter(TypeName.INT, "offset");

        method.beginControlFlow("if (block == null)")
                .addStatement(
                        "throw new $T($S\n+ nestedPath(outer, offset)\n+ $S\n+ $S)",
                        IllegalStateException.class,
                        "the " + userName + " block at ",
                        " is null when the enclosing block is constructed;",
                        " set the field in its declaration or constructor")
                .endControlFlow();
        method.beginControlFlow("if (block instanceof $T)", generatedType)
                .addStatement(
                        "(($T) block).getSiteHooks().nestUnder(outer, offset)", generatedType);
        if (!model.customForward()) {
            return method.addStatement("return")
                    .endControlFlow()
                    .addStatement(
                            "throw new $T($S\n+ nestedPath(outer, offset)\n+ $S\n+"
                                    + " block.getClass().getName()\n+ $S)",
                            IllegalStateException.class,
                            "the block at ",
                            " is a ",
                            ", which cannot mix; construct it as a " + generatedName)
                    .build();
        }
        method.addStatement("return").endControlFlow();
        for (Child child : model.children()) {
            if (child.role() == Role.SITE) {
                method.addStatement(
                        "block.$L = outer.site(offset + $L, block.$L)",
                        child.name(),
                        child.siteIndex(),
                        child.name());
            } else if (child.role() == Role.NESTED) {
                method.addStatement(
                        "$T.bindSites(block.$L, outer, offset + $L)",
                        child.nestedGenerated(),
                        child.name(),
                        child.siteOffset());
            }
        }
        return method.build();
    }

    private static MethodSpec nestedPath() {
        return MethodSpec.methodBuilder("nestedPath")
                .addJavadoc(
                        "Returns the field path of a block nested at {@code offset} in {@code"
                                + " outer}, for messages.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(SITE_HOOKS, "outer")
                .addParameter(TypeName.INT, "offset")
                .addStatement("String firstSite = outer.getSiteTable().get(offset + 1).path()")
                .addStatement(
                        "return firstSite.substring(0, firstSite.length() - $L.get(1).path().length()"
                                + " - 1)",
                        SITES)
                .build();
    }

    /** Returns the class with a wildcard for each type parameter, such as {@code Foo<?>}. */
    private static TypeName wildcarded(ClassName name, TypeElement element) {
        int count = element.getTypeParameters().size();
        if (count == 0) {
            return name;
        }
        TypeName[] wildcards = new TypeName[count];
        for (int i = 0; i < count; i++) {
            wildcards[i] = WildcardTypeName.subtypeOf(Object.class);
        }
        return ParameterizedTypeName.get(name, wildcards);
    }

    private static boolean isDeprecated(Element element) {
        return element.getAnnotation(Deprecated.class) != null;
    }

    private static boolean isEffectivelyPublic(TypeElement element) {
        for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
